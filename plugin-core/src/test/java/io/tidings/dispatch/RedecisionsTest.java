package io.tidings.dispatch;

import io.tidings.consent.ChannelScope;
import io.tidings.consent.ConsentBasis;
import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentSource;
import io.tidings.consent.ConsentStatement;
import io.tidings.consent.ConsentStatus;
import io.tidings.consent.Evidence;
import io.tidings.customer.CustomerProfile;
import io.tidings.decision.EventKind;
import io.tidings.decision.Outcome;
import io.tidings.notification.LoggedStep;
import io.tidings.notification.MessageRequest;
import io.tidings.notification.NotificationLogEntry;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.preference.CustomerPreferences;
import io.tidings.preference.PreferenceSet;
import io.tidings.preference.QuietHours;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Deferred sends decided again when they wake, and fallback to the next channel after a permanent failure. */
class RedecisionsTest {

    /** 05:15 in New York, inside the customer's SMS quiet hours (21:00–08:00). */
    private static final Instant EARLY_MORNING = Instant.parse("2026-11-22T10:15:30Z");
    private static final Instant EIGHT_IN_NEW_YORK = Instant.parse("2026-11-22T13:00:00Z");

    private final MutableClock clock = new MutableClock(EARLY_MORNING);
    private final ScriptedProvider sms = new ScriptedProvider("scripted-sms", Set.of(Channel.SMS), false);
    private final ScriptedProvider email = new ScriptedProvider("scripted-email", Set.of(Channel.EMAIL), true);
    private final ScriptedProvider whatsapp = new ScriptedProvider("scripted-whatsapp", Set.of(Channel.WHATSAPP), true);
    private DispatchFixture fixture;
    private Dispatcher dispatcher;
    private UUID customer;

    @BeforeEach
    void setUp() {
        fixture = new DispatchFixture(TestDatabase.H2, clock);
        dispatcher = fixture.dispatcher(Map.of(Channel.SMS, sms, Channel.EMAIL, email, Channel.WHATSAPP, whatsapp),
                new DispatchSettings(10, Duration.ofMinutes(2), new RetrySchedule(Duration.ofSeconds(30),
                        Duration.ofHours(1), 5), 5, Duration.ofMinutes(1), Map.of(), Duration.ofMinutes(1)), 4);
        customer = fixture.customer(new CustomerProfile(null, "amara@example.com", "+12015550123", null,
                ZoneId.of("America/New_York"), null, null, null));
        quietHours(QuietHours.of("21:00", "08:00"));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aDeferredSendWaitsForItsTimeAndIsSentAfterDecidingAgain() {
        decide(Set.of(Channel.SMS), "inbox:1");

        dispatcher.dispatchDue();
        clock.advance(Duration.between(EARLY_MORNING, EIGHT_IN_NEW_YORK).minusSeconds(1));
        dispatcher.dispatchDue();
        assertThat(sms.received).as("not before 08:00 local").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();

        assertThat(sms.received).extracting(OutboundMessage::idempotencyKey).containsExactly("inbox:1:sms");
        assertThat(fixture.outbox.findByIdempotencyKey("inbox:1:sms").orElseThrow().status())
                .isEqualTo(OutboxStatus.SENT);
        NotificationLogEntry latest = latestLogEntry();
        assertThat(latest.outcome()).isEqualTo(Outcome.SEND);
        assertThat(latest.decidedAt()).isEqualTo(EIGHT_IN_NEW_YORK);
        assertThat(latest.trail().getFirst()).isEqualTo(new LoggedStep(Redecisions.DECIDED_AGAIN, "PASS",
                "decided again at " + EIGHT_IN_NEW_YORK + ": the deferred send is due"));
        assertThat(latest.trail()).extracting(LoggedStep::rule).contains("consent", "preference", "quiet-hours");
    }

    @Test
    void aDeferredSendIsSuppressedWhenConsentWasRevokedMeanwhile() {
        decide(Set.of(Channel.SMS), "inbox:2");
        revoke(Channel.SMS);

        clock.advance(Duration.between(EARLY_MORNING, EIGHT_IN_NEW_YORK));
        dispatcher.dispatchDue();

        assertThat(sms.received).isEmpty();
        OutboxRecord record = fixture.outbox.findByIdempotencyKey("inbox:2:sms").orElseThrow();
        assertThat(record.status()).isEqualTo(OutboxStatus.SUPPRESSED);
        assertThat(record.lastError()).startsWith("no-channel-fallback: no channel may carry TRANSACTIONAL");
        NotificationLogEntry again = ledBy(Redecisions.DECIDED_AGAIN);
        assertThat(again.channel()).isEqualTo(Channel.SMS);
        assertThat(again.outcome()).as("transactional messages escalate when no channel is allowed")
                .isEqualTo(Outcome.ESCALATE);
        assertThat(again.trail().get(1).rule()).isEqualTo("consent");
        assertThat(again.trail().get(1).verdict()).isEqualTo("BLOCK");
    }

    @Test
    void aDeferredSendIsDeferredAgainWhenTheQuietHoursChangedMeanwhile() {
        decide(Set.of(Channel.SMS), "inbox:3");
        quietHours(QuietHours.of("21:00", "10:00"));

        clock.advance(Duration.between(EARLY_MORNING, EIGHT_IN_NEW_YORK));
        dispatcher.dispatchDue();

        OutboxRecord waiting = fixture.outbox.findByIdempotencyKey("inbox:3:sms").orElseThrow();
        assertThat(waiting.status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(waiting.nextAttemptAt()).isEqualTo(EIGHT_IN_NEW_YORK.plus(Duration.ofHours(2)));
        assertThat(waiting.attempts()).as("deciding again is no attempt").isZero();
        assertThat(latestLogEntry().outcome()).isEqualTo(Outcome.DEFER);

        clock.advance(Duration.ofHours(2));
        dispatcher.dispatchDue();
        assertThat(sms.received).extracting(OutboundMessage::idempotencyKey).containsExactly("inbox:3:sms");
    }

    @Test
    void aRetryThatWouldFallIntoQuietHoursWaitsForTheirEnd() {
        clock.advance(Duration.ofHours(15).plusMinutes(44)); // 20:59:30 in New York
        sms.script.add(new SendResult.RetryableFailure("HTTP 503"));
        decide(Set.of(Channel.SMS), "inbox:4");

        dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(30));
        dispatcher.dispatchDue();

        assertThat(sms.received).as("the first attempt only").hasSize(1);
        OutboxRecord waiting = fixture.outbox.findByIdempotencyKey("inbox:4:sms").orElseThrow();
        assertThat(waiting.status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(waiting.nextAttemptAt()).isEqualTo(EIGHT_IN_NEW_YORK.plus(Duration.ofDays(1)));
        assertThat(ledBy(Redecisions.DECIDED_AGAIN).trail().getFirst().description())
                .endsWith("attempt 2 follows a failed or unfinished one");
    }

    @Test
    void aPermanentFailureFallsBackToTheNextAllowedChannelAndIsLogged() {
        clock.advance(Duration.ofHours(4)); // 09:15 in New York
        sms.script.add(new SendResult.PermanentFailure("21211 invalid number"));
        decide(Set.of(Channel.SMS), "inbox:5");

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(fixture.outbox.findByIdempotencyKey("inbox:5:sms").orElseThrow().status())
                .isEqualTo(OutboxStatus.UNDELIVERABLE);
        assertThat(email.received).extracting(OutboundMessage::idempotencyKey).containsExactly("inbox:5:sms>email");
        assertThat(fixture.outbox.findByIdempotencyKey("inbox:5:sms>email").orElseThrow().status())
                .isEqualTo(OutboxStatus.SENT);
        NotificationLogEntry fallback = ledBy(Redecisions.DELIVERY_FALLBACK);
        assertThat(fallback.channel()).isEqualTo(Channel.EMAIL);
        assertThat(fallback.outcome()).isEqualTo(Outcome.SEND);
        assertThat(fallback.trail().getFirst()).isEqualTo(new LoggedStep(Redecisions.DELIVERY_FALLBACK, "REDIRECT",
                "SMS failed for good (21211 invalid number) → EMAIL"));
    }

    @Test
    void theFallbackRespectsConsentAndQuietHours() {
        revoke(Channel.EMAIL);
        fixture.preferences.change(customer, current -> PreferenceSet.builder()
                .quietHours(Channel.WHATSAPP, QuietHours.of("21:00", "08:00")).build(),
                new CustomerPreferences.ChangedBy("test", null));
        sms.script.add(new SendResult.PermanentFailure("21211 invalid number"));
        decide(Set.of(Channel.SMS), "inbox:6");

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(email.received).isEmpty();
        assertThat(whatsapp.received).as("WhatsApp is quiet until 08:00").isEmpty();
        OutboxRecord deferred = fixture.outbox.findByIdempotencyKey("inbox:6:sms>whatsapp").orElseThrow();
        assertThat(deferred.nextAttemptAt()).isEqualTo(EIGHT_IN_NEW_YORK);
        assertThat(deferred.entry().decideAgain()).isTrue();

        clock.advance(Duration.between(EARLY_MORNING, EIGHT_IN_NEW_YORK));
        dispatcher.dispatchDue();
        assertThat(whatsapp.received).extracting(OutboundMessage::idempotencyKey).containsExactly("inbox:6:sms>whatsapp");
    }

    @Test
    void fallbackNeverLoopsAndStopsWhenEveryChannelHasFailed() {
        clock.advance(Duration.ofHours(4));
        sms.script.add(new SendResult.PermanentFailure("21211 invalid number"));
        email.script.add(new SendResult.PermanentFailure("550 hard bounce"));
        whatsapp.script.add(new SendResult.PermanentFailure("63003 not a WhatsApp user"));
        decide(Set.of(Channel.SMS), "inbox:7");

        for (int round = 0; round < 5; round++) {
            dispatcher.dispatchDue();
        }

        assertThat(List.of(sms, email, whatsapp)).allSatisfy(provider -> assertThat(provider.received).hasSize(1));
        assertThat(List.of("inbox:7:sms", "inbox:7:sms>email", "inbox:7:sms>email>whatsapp")).allSatisfy(key ->
                assertThat(fixture.outbox.findByIdempotencyKey(key).orElseThrow().status())
                        .isEqualTo(OutboxStatus.UNDELIVERABLE));
        assertThat(fixture.log.allEntries(customer)).filteredOn(entry -> entry.trail().getFirst().rule()
                .equals(Redecisions.DELIVERY_FALLBACK)).extracting(NotificationLogEntry::channel)
                .containsExactlyInAnyOrder(Channel.EMAIL, Channel.WHATSAPP);
    }

    @Test
    void noFallbackWhileTheMessageReachesTheCustomerOnAnotherChannel() {
        clock.advance(Duration.ofHours(4));
        sms.script.add(new SendResult.PermanentFailure("21211 invalid number"));
        decide(Set.of(Channel.SMS, Channel.EMAIL), "inbox:8");

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(email.received).extracting(OutboundMessage::idempotencyKey).containsExactly("inbox:8:email");
        assertThat(whatsapp.received).isEmpty();
    }

    private void decide(Set<Channel> channels, String origin) {
        fixture.decidedSends.decideAndQueue(new MessageRequest(customer, EventKind.TICKET_STATUS_CHANGED,
                Category.TRANSACTIONAL, channels, "ticket:4711", clock.instant()),
                Map.of("ticketId", "4711", "status", "solved"), origin);
    }

    private void quietHours(QuietHours hours) {
        fixture.preferences.change(customer, current -> PreferenceSet.builder().quietHours(Channel.SMS, hours).build(),
                new CustomerPreferences.ChangedBy("test", null));
    }

    private void revoke(Channel channel) {
        fixture.ledger.record(customer, new ConsentStatement(ConsentPurpose.SERVICE_COMMUNICATIONS,
                ConsentStatus.REVOKED, ConsentBasis.EXPLICIT, ChannelScope.of(channel), clock.instant(), clock.instant(),
                null, ConsentSource.SMS_KEYWORD, Evidence.none()));
    }

    /** The one log entry whose trail starts with the rule. */
    private NotificationLogEntry ledBy(String rule) {
        return fixture.log.allEntries(customer).stream().filter(entry -> entry.trail().getFirst().rule().equals(rule))
                .reduce((only, another) -> {
                    throw new AssertionError("more than one entry led by " + rule);
                }).orElseThrow();
    }

    private NotificationLogEntry latestLogEntry() {
        return fixture.log.entries(customer, 1).getFirst();
    }
}
