package io.tidings.dispatch;

import io.tidings.customer.Customer;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.Customers;
import io.tidings.customer.UnreachableContactPoints;
import io.tidings.event.NotificationStatusChanged;
import io.tidings.decision.EventKind;
import io.tidings.decision.Outcome;
import io.tidings.notification.LoggedStep;
import io.tidings.notification.NotificationLogEntry;
import io.tidings.notification.DeliveryStatus;
import io.tidings.persistence.Database;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Providers' delivery reports applied to the outbox, on every supported database. */
abstract class DeliveryReportsContract {

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30Z"));
    private final ScriptedProvider sms = new ScriptedProvider("scripted-sms", Set.of(Channel.SMS), false);
    private final ScriptedProvider email = new ScriptedProvider("scripted-email", Set.of(Channel.EMAIL), true);
    private DispatchFixture fixture;
    private Database database;
    private Outbox outbox;
    private UnreachableContactPoints contactPoints;
    private DeliveryReports reports;
    private Dispatcher dispatcher;
    private Customer customer;
    private final UUID messageId = UUID.randomUUID();

    DeliveryReportsContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void anSmsWasSent() {
        fixture = new DispatchFixture(target, clock);
        database = fixture.database;
        outbox = fixture.outbox;
        contactPoints = fixture.contactPoints;
        Map<Channel, ChannelProvider> providers = Map.of(Channel.SMS, sms, Channel.EMAIL, email);
        reports = fixture.deliveryReports(providers);
        dispatcher = fixture.dispatcher(providers, new DispatchSettings(10, Duration.ofMinutes(2),
                new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 5), 5, Duration.ofMinutes(1), Map.of(),
                Duration.ofMinutes(1)), 4);
        customer = new Customers(fixture.customerStore, clock).create(new CustomerProfile(null, "amara@example.com",
                "+12015550123", null, null, null, null, null));
        sent(Channel.SMS, "origin-1:sms", "twilio-sms", "SM0001");
    }

    @AfterEach
    void closeDatabase() {
        fixture.close();
    }

    @Test
    void aStatusOnlyEverMovesForward() {
        assertThat(apply("origin-1:sms", null, DeliveryStatus.DELIVERED, false))
                .hasValueSatisfying(change -> assertThat(change.previousStatus()).isNull());
        assertThat(apply("origin-1:sms", null, DeliveryStatus.SENT, false)).isEmpty();
        assertThat(apply("origin-1:sms", null, DeliveryStatus.QUEUED, false)).isEmpty();
        assertThat(apply("origin-1:sms", null, DeliveryStatus.FAILED, false)).isEmpty();
        Optional<NotificationStatusChanged> read = apply("origin-1:sms", null, DeliveryStatus.READ, false);

        assertThat(read).hasValueSatisfying(change -> {
            assertThat(change.previousStatus()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(change.status()).isEqualTo(DeliveryStatus.READ);
            assertThat(change.customerId()).isEqualTo(customer.id());
            assertThat(change.channel()).isEqualTo(Channel.SMS);
            assertThat(change.provider()).isEqualTo("twilio-sms");
        });
        assertThat(status()).isEqualTo("READ");
    }

    @Test
    void aReportFindsItsSendByProviderMessageId() {
        assertThat(apply(null, "SM0001", DeliveryStatus.SENT, false)).isPresent();
        assertThat(status()).isEqualTo("SENT");
    }

    @Test
    void aReportForNoKnownSendChangesNothing() {
        assertThat(apply("origin-2:sms", null, DeliveryStatus.DELIVERED, false)).isEmpty();
        assertThat(apply(null, "SM9999", DeliveryStatus.DELIVERED, false)).isEmpty();
        assertThat(status()).isNull();
    }

    @Test
    void anUnreachableAddressIsMarkedForThatAddressOnly() {
        apply("origin-1:sms", null, DeliveryStatus.UNDELIVERED, true);

        assertThat(contactPoints.unreachable(customer)).containsExactly(Channel.SMS);
        Customer corrected = customer.withProfile(new CustomerProfile(null, "amara@example.com", "+12015550199", null,
                null, null, null, null), clock.instant());
        assertThat(contactPoints.unreachable(corrected)).isEmpty();
    }

    @Test
    void aLateFailureReportStillMarksTheAddress() {
        apply("origin-1:sms", null, DeliveryStatus.READ, false);

        assertThat(apply("origin-1:sms", null, DeliveryStatus.UNDELIVERED, true)).isEmpty();
        assertThat(contactPoints.unreachable(customer)).containsExactly(Channel.SMS);
    }

    @Test
    void aLateFailureForGoodMovesTheMessageToTheNextChannelOnce() {
        assertThat(apply("origin-1:sms", null, DeliveryStatus.UNDELIVERED, true)).isPresent();
        assertThat(apply("origin-1:sms", null, DeliveryStatus.UNDELIVERED, true)).as("a repeated report").isEmpty();
        dispatcher.dispatchDue();

        assertThat(email.received).extracting(OutboundMessage::idempotencyKey).containsExactly("origin-1:sms>email");
        assertThat(email.received.getFirst().recipient()).isEqualTo("amara@example.com");
        assertThat(outbox.findByIdempotencyKey("origin-1:sms").orElseThrow().status())
                .as("the SMS itself went out; only its delivery failed").isEqualTo(OutboxStatus.SENT);
        assertThat(sendsOfTheMessage()).containsExactlyInAnyOrder("origin-1:sms", "origin-1:sms>email");
        List<NotificationLogEntry> fallbacks = fixture.log.allEntries(customer.id()).stream()
                .filter(entry -> entry.trail().getFirst().rule().equals(Redecisions.DELIVERY_FALLBACK)).toList();
        assertThat(fallbacks).hasSize(1);
        NotificationLogEntry fallback = fallbacks.getFirst();
        assertThat(fallback.channel()).isEqualTo(Channel.EMAIL);
        assertThat(fallback.outcome()).isEqualTo(Outcome.SEND);
        assertThat(fallback.trail().getFirst()).isEqualTo(new LoggedStep(Redecisions.DELIVERY_FALLBACK, "REDIRECT",
                "SMS failed for good (provider reported undelivered (30006)) → EMAIL"));
    }

    @Test
    void aLateFailureThatMayPassDoesNotFallBack() {
        assertThat(reports.apply(new DeliveryReport("origin-1:sms", null, DeliveryStatus.UNDELIVERED, "30017", false,
                false, clock.instant()))).isPresent();
        dispatcher.dispatchDue();

        assertThat(status()).isEqualTo("UNDELIVERED");
        assertThat(sendsOfTheMessage()).containsExactlyInAnyOrder("origin-1:sms");
        assertThat(email.received).isEmpty();
    }

    @Test
    void noLateFallbackWhileTheMessageReachesTheCustomerOnAnotherChannel() {
        sent(Channel.EMAIL, "origin-1:email", "sendgrid", "mail-1");

        apply("origin-1:sms", null, DeliveryStatus.UNDELIVERED, true);

        assertThat(sendsOfTheMessage()).containsExactlyInAnyOrder("origin-1:sms", "origin-1:email");
    }

    @Test
    void lateFailuresNeverBringTheMessageBackToAChannelItWasOn() {
        apply("origin-1:sms", null, DeliveryStatus.UNDELIVERED, true);
        dispatcher.dispatchDue();
        apply("origin-1:sms>email", null, DeliveryStatus.UNDELIVERED, true);
        dispatcher.dispatchDue();

        assertThat(sendsOfTheMessage()).containsExactlyInAnyOrder("origin-1:sms", "origin-1:sms>email");
        assertThat(sms.received).isEmpty();
        assertThat(email.received).hasSize(1);
    }

    /** A send of the message on the channel that its provider accepted. */
    private void sent(Channel channel, String key, String providerId, String providerMessageId) {
        outbox.enqueue(new OutboxEntry(messageId, null, customer.id(), EventKind.TICKET_STATUS_CHANGED,
                Category.SERVICE_UPDATE, channel, Map.of(), key, clock.instant()));
        ClaimedSend claim = outbox.claimDue(10, Duration.ofMinutes(1)).getFirst();
        outbox.markAllSent(List.of(new AcceptedSend(claim, providerId, providerMessageId, false)));
    }

    private List<String> sendsOfTheMessage() {
        return database.jdbi().withHandle(handle -> handle.createQuery("select idempotency_key from outbox "
                + "where message_id = :message").bind("message", messageId).mapTo(String.class).list());
    }

    private Optional<NotificationStatusChanged> apply(String key, String sid, DeliveryStatus status, boolean unreachable) {
        return reports.apply(new DeliveryReport(key, sid, status, unreachable ? "30006" : null, unreachable,
                unreachable, clock.instant()));
    }

    private String status() {
        return database.jdbi().withHandle(handle -> handle.createQuery("select delivery_status from outbox "
                + "where idempotency_key = 'origin-1:sms'").mapTo(String.class).one());
    }
}
