package io.tidings.dispatch;

import io.tidings.customer.CustomerProfile;
import io.tidings.decision.EventKind;
import io.tidings.persistence.UuidV7;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispatcher against a scripted provider, on H2 (the outbox's SQL has its own contract on both databases). */
class DispatcherTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30Z"));
    private final ScriptedProvider sms = new ScriptedProvider("scripted-sms", Set.of(Channel.SMS), false);
    private final ScriptedProvider email = new ScriptedProvider("scripted-email", Set.of(Channel.EMAIL), true);
    private DispatchFixture fixture;
    private Outbox outbox;
    private Dispatcher dispatcher;
    private UUID customerId;

    @BeforeEach
    void openDatabase() {
        fixture = new DispatchFixture(TestDatabase.H2, clock);
        outbox = fixture.outbox;
        customerId = fixture.customer(new CustomerProfile(null, "amara@example.com", "+4915112345678", Locale.GERMAN,
                null, null, null, null));
        dispatcher = fixture.dispatcher(Map.of(Channel.SMS, sms, Channel.EMAIL, email),
                new DispatchSettings(10, LEASE, new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 5),
                        2, Duration.ofMinutes(1), Map.of("scripted-email", 1.0), Duration.ofMinutes(1)), 1);
    }

    @AfterEach
    void closeDatabase() {
        fixture.close();
    }

    @Test
    void anAcceptedSendIsRecordedWithTheProvidersMessageId() {
        enqueue("sms-1", Channel.SMS, Category.TRANSACTIONAL);

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        OutboundMessage sent = sms.received.getFirst();
        assertThat(sent.recipient()).isEqualTo("+4915112345678");
        assertThat(sent.text()).isEqualTo("Ihr Ticket 4711 ist jetzt gelöst.\n\n"
                + "Benachrichtigungen verwalten: https://prefs.example.com/p");
        OutboxRecord record = outbox.findByIdempotencyKey("sms-1").orElseThrow();
        assertThat(record.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(record.providerId()).isEqualTo("scripted-sms");
        assertThat(record.providerMessageId()).isEqualTo("scripted-1");
    }

    @Test
    void promotionalEmailCarriesOneClickUnsubscribeHeaders() {
        enqueue("mail-1", Channel.EMAIL, Category.PROMOTIONAL);

        dispatcher.dispatchDue();

        OutboundMessage sent = email.received.getFirst();
        assertThat(sent.headers()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "List-Unsubscribe", "<https://prefs.example.com/p>",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        assertThat(sent.html()).contains("<a href=\"https://prefs.example.com/p\">");
    }

    @Test
    void securityMessagesCarryNoPreferenceLinkAndTransactionalEmailNoUnsubscribeHeaders() {
        enqueue("mail-2", Channel.EMAIL, Category.SECURITY);

        dispatcher.dispatchDue();

        OutboundMessage sent = email.received.getFirst();
        assertThat(sent.text()).doesNotContain("prefs.example.com");
        assertThat(sent.headers()).isEmpty();
    }

    @Test
    void retryableAndPermanentFailuresAreRecordedAsSuch() {
        sms.script.add(new SendResult.RetryableFailure("HTTP 503"));
        sms.script.add(new SendResult.PermanentFailure("21211 invalid number"));
        enqueue("sms-2", Channel.SMS, Category.TRANSACTIONAL);

        dispatcher.dispatchDue();
        assertThat(outbox.findByIdempotencyKey("sms-2").orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);
        clock.advance(Duration.ofSeconds(30));
        dispatcher.dispatchDue();

        OutboxRecord record = outbox.findByIdempotencyKey("sms-2").orElseThrow();
        assertThat(record.status()).isEqualTo(OutboxStatus.UNDELIVERABLE);
        assertThat(record.lastError()).isEqualTo("21211 invalid number");
        assertThat(sms.received).extracting(OutboundMessage::idempotencyKey).containsExactly("sms-2", "sms-2");
    }

    @Test
    void aRetryAfterTheProviderAsksForIsHonoured() {
        sms.script.add(new SendResult.RetryableFailure("QUOTA_EXCEEDED", Duration.ofMinutes(5)));
        enqueue("sms-throttled", Channel.SMS, Category.TRANSACTIONAL);

        dispatcher.dispatchDue();

        assertThat(outbox.findByIdempotencyKey("sms-throttled").orElseThrow().nextAttemptAt())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void aSendAfterACrashKeepsItsKeyAndIsFlaggedWhenTheProviderCannotDetectDuplicates() {
        enqueue("sms-3", Channel.SMS, Category.TRANSACTIONAL);
        enqueue("mail-3", Channel.EMAIL, Category.TRANSACTIONAL);
        outbox.claimDue(10, LEASE); // a dispatcher that dies before recording anything
        clock.advance(LEASE);

        dispatcher.dispatchDue();

        assertThat(sms.received).extracting(OutboundMessage::idempotencyKey).containsExactly("sms-3");
        assertThat(outbox.findByIdempotencyKey("sms-3").orElseThrow().possibleDuplicate()).isTrue();
        assertThat(outbox.findByIdempotencyKey("mail-3").orElseThrow().possibleDuplicate()).isFalse();
    }

    @Test
    void sendsThatCannotBeComposedOrRoutedAreUndeliverable() {
        enqueue("push-1", Channel.PUSH, Category.TRANSACTIONAL);
        outbox.enqueue(new OutboxEntry(UuidV7.next(clock), null, customerId, EventKind.TICKET_STATUS_CHANGED,
                Category.TRANSACTIONAL, Channel.SMS, Map.of("ticketId", "4711", "status", "x".repeat(200)), "sms-long",
                clock.instant()));
        enqueue("sms-no-template", Channel.SMS, Category.TRANSACTIONAL, EventKind.BILLING_ISSUE);

        dispatcher.dispatchDue();

        assertThat(outbox.findByIdempotencyKey("push-1").orElseThrow().lastError())
                .isEqualTo("no provider is configured for PUSH");
        assertThat(outbox.findByIdempotencyKey("sms-long").orElseThrow().lastError())
                .isEqualTo("the text takes 2 SMS segments, more than the 1 allowed");
        assertThat(outbox.findByIdempotencyKey("sms-no-template").orElseThrow().status())
                .isEqualTo(OutboxStatus.UNDELIVERABLE);
        assertThat(sms.received).isEmpty();
    }

    @Test
    void aProviderThatThrowsIsRetried() {
        sms.script.add(null);
        enqueue("sms-4", Channel.SMS, Category.TRANSACTIONAL);

        dispatcher.dispatchDue();

        OutboxRecord record = outbox.findByIdempotencyKey("sms-4").orElseThrow();
        assertThat(record.status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(record.lastError()).isEqualTo("scripted-sms failed: IllegalStateException");
    }

    @Test
    void aFailingProviderIsLeftAloneWhileItsBreakerIsOpen() {
        sms.script.add(new SendResult.RetryableFailure("HTTP 503"));
        sms.script.add(new SendResult.RetryableFailure("HTTP 503"));
        sms.script.add(new SendResult.RetryableFailure("HTTP 503"));
        enqueue("sms-5", Channel.SMS, Category.TRANSACTIONAL);
        enqueue("sms-6", Channel.SMS, Category.TRANSACTIONAL);
        enqueue("sms-7", Channel.SMS, Category.TRANSACTIONAL);

        dispatcher.dispatchDue();

        assertThat(sms.received).as("two failures open the breaker").hasSize(2);
        List<OutboxRecord> records = Stream.of("sms-5", "sms-6", "sms-7")
                .map(key -> outbox.findByIdempotencyKey(key).orElseThrow()).toList();
        assertThat(records).extracting(OutboxRecord::status).containsOnly(OutboxStatus.QUEUED);
        assertThat(records).filteredOn(record -> record.attempts() == 0).as("held back, not tried")
                .singleElement().extracting(OutboxRecord::nextAttemptAt)
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(sms.received).as("one trial call fails and reopens the breaker at once").hasSize(3);

        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(sms.received).hasSize(6);
        assertThat(List.of("sms-5", "sms-6", "sms-7")).allSatisfy(key -> assertThat(
                outbox.findByIdempotencyKey(key).orElseThrow().status()).isEqualTo(OutboxStatus.SENT));
    }

    @Test
    void aPacedProviderGetsNoMoreThanItsRate() {
        enqueue("mail-5", Channel.EMAIL, Category.TRANSACTIONAL);
        enqueue("mail-6", Channel.EMAIL, Category.TRANSACTIONAL);

        dispatcher.dispatchDue();

        assertThat(email.received).as("one send in the first second").hasSize(1);
        String pacedKey = email.received.getFirst().idempotencyKey().equals("mail-5") ? "mail-6" : "mail-5";
        OutboxRecord paced = outbox.findByIdempotencyKey(pacedKey).orElseThrow();
        assertThat(paced.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(1));
        assertThat(paced.attempts()).isZero();
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        assertThat(email.received).extracting(OutboundMessage::idempotencyKey)
                .containsExactlyInAnyOrder("mail-5", "mail-6");
    }

    private void enqueue(String key, Channel channel, Category category) {
        enqueue(key, channel, category, EventKind.TICKET_STATUS_CHANGED);
    }

    private void enqueue(String key, Channel channel, Category category, EventKind kind) {
        outbox.enqueue(new OutboxEntry(UuidV7.next(clock), null, customerId, kind, category, channel,
                Map.of("ticketId", "4711", "status", "gelöst"), key, clock.instant()));
    }
}
