package io.tidings.dispatch;

import io.tidings.customer.Customer;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.customer.UnreachableContactPoints;
import io.tidings.event.DomainEvents;
import io.tidings.event.NotificationStatusChanged;
import io.tidings.decision.EventKind;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Providers' delivery reports applied to the outbox, on every supported database. */
abstract class DeliveryReportsContract {

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30Z"));
    private Database database;
    private CustomerStore customers;
    private Outbox outbox;
    private UnreachableContactPoints contactPoints;
    private DeliveryReports reports;
    private Customer customer;

    DeliveryReportsContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void anSmsWasSent() {
        database = target.open();
        customers = new CustomerStore(database.jdbi());
        outbox = new Outbox(database.jdbi(), clock);
        contactPoints = new UnreachableContactPoints(database.jdbi());
        reports = new DeliveryReports(customers, contactPoints, DomainEvents.none());
        customer = new Customers(customers, clock).create(new CustomerProfile(null, "amara@example.com",
                "+12015550123", null, null, null, null, null));
        outbox.enqueue(new OutboxEntry(UUID.randomUUID(), null, customer.id(), EventKind.TICKET_STATUS_CHANGED,
                Category.SERVICE_UPDATE, Channel.SMS, Map.of(), "origin-1:sms", clock.instant()));
        ClaimedSend claim = outbox.claimDue(10, Duration.ofMinutes(1)).getFirst();
        outbox.markSent(claim, "twilio-sms", "SM0001", false);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
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

    private Optional<NotificationStatusChanged> apply(String key, String sid, DeliveryStatus status, boolean unreachable) {
        return reports.apply(new DeliveryReport(key, sid, status, unreachable ? "30006" : null, unreachable,
                clock.instant()));
    }

    private String status() {
        return database.jdbi().withHandle(handle -> handle.createQuery("select delivery_status from outbox "
                + "where idempotency_key = 'origin-1:sms'").mapTo(String.class).one());
    }
}
