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
import io.tidings.notification.MessageRequest;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chaos: recipients in five time zones get messages over a day while both providers are down for
 * two hours (503s, timeouts before and after the request was taken) and the dispatcher dies twice
 * after a provider took a message. Afterwards every message is delivered exactly once, none inside
 * its recipient's quiet hours, and a recipient who revoked consent meanwhile gets nothing more.
 */
abstract class DispatchChaosContract {

    private static final Instant START = Instant.parse("2026-11-22T18:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 10;
    private static final QuietHours SMS_QUIET = QuietHours.of("21:00", "08:00");
    private static final QuietHours EMAIL_QUIET = QuietHours.of("22:30", "06:30");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/Los_Angeles"), ZoneId.of("America/New_York"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Sydney"));

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(START);
    private final ChaosProvider sms = new ChaosProvider("chaos-sms", Channel.SMS, clock,
            START.plus(Duration.ofHours(1)), START.plus(Duration.ofHours(3)));
    private final ChaosProvider email = new ChaosProvider("chaos-email", Channel.EMAIL, clock,
            START.plus(Duration.ofHours(1)), START.plus(Duration.ofHours(3)));
    private final Map<String, ZoneId> zoneOfRecipient = new HashMap<>();
    private DispatchFixture fixture;
    private Dispatcher dispatcher;

    DispatchChaosContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void setUp() {
        fixture = new DispatchFixture(target, clock);
        dispatcher = fixture.dispatcher(Map.of(Channel.SMS, sms, Channel.EMAIL, email),
                new DispatchSettings(BATCH, LEASE, new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(10), 40),
                        5, Duration.ofMinutes(1), Map.of(), Duration.ofMinutes(1)), 4);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void everyMessageIsDeliveredExactlyOnceAndNeverInQuietHours() {
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            customers.add(customer(i, ZONES.get(i % ZONES.size())));
        }
        UUID revoking = customers.get(1);
        Instant revokedAt = START.plus(Duration.ofHours(13)); // 02:00 in New York: SMS sends wait for 08:00
        Instant end = START.plus(Duration.ofHours(40));
        int messages = 0;
        for (int step = 0; clock.instant().isBefore(end); step++, clock.advance(STEP)) {
            Instant now = clock.instant();
            if (step % 40 == 0 && now.isBefore(START.plus(Duration.ofHours(24)))) {
                for (UUID customer : customers) {
                    decide(customer, "chaos:" + messages++);
                }
            }
            if (now.equals(START.plus(Duration.ofMinutes(90)))) {
                sms.crashAfterNextDelivery();
            }
            if (now.equals(START.plus(Duration.ofHours(4)))) {
                email.crashAfterNextDelivery();
            }
            if (now.equals(revokedAt)) {
                revokeSms(revoking);
            }
            drain();
        }

        List<OutboxRecord> records = outboxRecords();
        assertThat(records).as("every message is settled").extracting(OutboxRecord::status)
                .containsOnly(OutboxStatus.SENT, OutboxStatus.SUPPRESSED);
        Map<String, ChaosProvider.Delivery> delivered = new HashMap<>(sms.deliveries);
        delivered.putAll(email.deliveries);
        assertThat(records).filteredOn(record -> record.status() == OutboxStatus.SENT)
                .extracting(record -> record.entry().idempotencyKey())
                .as("exactly the sent rows reached a recipient").containsExactlyInAnyOrderElementsOf(delivered.keySet());
        assertThat(records).filteredOn(record -> record.status() == OutboxStatus.SUPPRESSED).isNotEmpty()
                .allSatisfy(record -> {
                    assertThat(record.entry().customerId()).isEqualTo(revoking);
                    assertThat(record.entry().channel()).isEqualTo(Channel.SMS);
                });
        assertThat(delivered.values()).as("none inside the recipient's quiet hours").allSatisfy(delivery -> {
            QuietHours quiet = delivery.message().channel() == Channel.SMS ? SMS_QUIET : EMAIL_QUIET;
            assertThat(quiet.isQuiet(delivery.at(), zoneOfRecipient.get(delivery.message().recipient())))
                    .as("%s at %s", delivery.message(), delivery.at()).isFalse();
        });
        assertThat(delivered.values()).filteredOn(delivery -> delivery.message().recipient().equals(recipientPhone(1)))
                .allSatisfy(delivery -> assertThat(delivery.at()).isBefore(revokedAt));
        assertThat(delivered.values()).extracting(delivery -> delivery.message().recipient() + delivery.message().text())
                .as("no message reached its recipient twice, under any key").doesNotHaveDuplicates();
        assertThat(records).as("no resend was flagged: the providers detect duplicates")
                .noneMatch(OutboxRecord::possibleDuplicate);
        Map<String, Integer> requests = new HashMap<>(sms.requestsPerKey);
        requests.putAll(email.requestsPerKey);
        assertThat(requests.values()).as("the chaos happened: some messages reached a provider more than once")
                .anyMatch(count -> count > 1);
        assertThat(sms.lostResponses() + email.lostResponses()).isPositive();
        assertThat(messages).isEqualTo(15 * 36);
    }

    private void drain() {
        int claimed;
        do {
            try {
                claimed = dispatcher.dispatchDue();
            } catch (ChaosProvider.SimulatedCrash crash) {
                return; // the rest of the batch stays claimed until its lease runs out
            }
        } while (claimed == BATCH);
    }

    private UUID customer(int index, ZoneId zone) {
        String phone = recipientPhone(index);
        String mail = "customer" + index + "@example.com";
        UUID id = fixture.customer(new CustomerProfile(null, mail, phone, null, zone, null, null, null));
        zoneOfRecipient.put(phone, zone);
        zoneOfRecipient.put(mail, zone);
        fixture.preferences.change(id, current -> PreferenceSet.builder().quietHours(Channel.SMS, SMS_QUIET)
                .quietHours(Channel.EMAIL, EMAIL_QUIET).build(), new CustomerPreferences.ChangedBy("chaos", null));
        return id;
    }

    private static String recipientPhone(int index) {
        return "+1201555%04d".formatted(index);
    }

    private void decide(UUID customer, String origin) {
        fixture.decidedSends.decideAndQueue(new MessageRequest(customer, EventKind.TICKET_STATUS_CHANGED,
                Category.TRANSACTIONAL, Set.of(Channel.SMS, Channel.EMAIL), origin, clock.instant()),
                Map.of("ticketId", origin, "status", "solved"), origin);
    }

    private void revokeSms(UUID customer) {
        fixture.ledger.record(customer, new ConsentStatement(ConsentPurpose.SERVICE_COMMUNICATIONS,
                ConsentStatus.REVOKED, ConsentBasis.EXPLICIT, ChannelScope.of(Channel.SMS), clock.instant(),
                clock.instant(), null, ConsentSource.SMS_KEYWORD, Evidence.none()));
    }

    private List<OutboxRecord> outboxRecords() {
        return fixture.database.jdbi().withHandle(handle -> handle.createQuery("select idempotency_key from outbox")
                        .mapTo(String.class).list()).stream()
                .map(key -> fixture.outbox.findByIdempotencyKey(key).orElseThrow())
                .collect(Collectors.toList());
    }
}
