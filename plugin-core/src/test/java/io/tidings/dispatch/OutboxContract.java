package io.tidings.dispatch;

import io.tidings.customer.Customer;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.decision.EventKind;
import io.tidings.persistence.Database;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What the outbox must do on every supported database. */
abstract class OutboxContract {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final RetrySchedule RETRIES = new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(10), 3);

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30.123456Z"));
    private Database database;
    private Outbox outbox;
    private UUID customerId;

    OutboxContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
        outbox = new Outbox(database.jdbi(), clock);
        CustomerStore customers = new CustomerStore(database.jdbi());
        Customer customer = new Customer(UuidV7.next(clock), CustomerProfile.EMPTY, clock.instant(), clock.instant());
        customers.inTransaction(handle -> {
            customers.insert(handle, List.of(customer));
            return null;
        });
        customerId = customer.id();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void enqueueingTheSameIdempotencyKeyTwiceKeepsOneSend() {
        OutboxEntry entry = entry("send-1", clock.instant());

        assertThat(outbox.enqueue(entry)).isTrue();
        assertThat(outbox.enqueue(entry("send-1", clock.instant().plusSeconds(60)))).isFalse();

        List<ClaimedSend> claimed = outbox.claimDue(10, LEASE);
        assertThat(claimed).singleElement().satisfies(claim -> {
            assertThat(claim.entry()).isEqualTo(entry);
            assertThat(claim.attempt()).isEqualTo(1);
            assertThat(claim.resumed()).isFalse();
        });
    }

    @Test
    void deferredSendsWaitForTheirTime() {
        outbox.enqueue(entry("now", clock.instant()));
        outbox.enqueue(entry("later", clock.instant().plus(Duration.ofHours(1))));

        List<ClaimedSend> due = outbox.claimDue(10, LEASE);
        assertThat(keys(due)).containsExactly("now");
        assertThat(outbox.claimDue(10, LEASE)).as("claimed rows are not due again while leased").isEmpty();
        outbox.markAllSent(List.of(new AcceptedSend(due.getFirst(), "test", "msg-1", false)));

        clock.advance(Duration.ofHours(1));
        assertThat(keys(outbox.claimDue(10, LEASE))).containsExactly("later");
    }

    @Test
    void anUnfinishedClaimIsDueAgainWithTheSameKeyWhenItsLeaseRunsOut() {
        outbox.enqueue(entry("crashing", clock.instant()));
        ClaimedSend first = outbox.claimDue(10, LEASE).getFirst();

        clock.advance(LEASE.minusSeconds(1));
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        ClaimedSend second = outbox.claimDue(10, LEASE).getFirst();

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.entry().idempotencyKey()).isEqualTo("crashing");
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.resumed()).isTrue();
        assertThat(outbox.markAllSent(List.of(new AcceptedSend(first, "test", "late", false))) == 1)
                .as("the lost lease writes nothing").isFalse();
        assertThat(outbox.markAllSent(List.of(new AcceptedSend(second, "test", "msg-2", true))) == 1).isTrue();
        OutboxRecord sent = outbox.find(second.id()).orElseThrow();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.providerMessageId()).isEqualTo("msg-2");
        assertThat(sent.possibleDuplicate()).isTrue();
    }

    @Test
    void twoConcurrentClaimersNeverGetTheSameRow() throws Exception {
        for (int i = 0; i < 40; i++) {
            outbox.enqueue(entry("send-" + i, clock.instant()));
        }
        List<String> claimedKeys = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService claimers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                done.add(claimers.submit(() -> {
                    start.await();
                    List<ClaimedSend> batch;
                    do {
                        batch = outbox.claimDue(3, LEASE);
                        claimedKeys.addAll(keys(batch));
                    } while (!batch.isEmpty());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            claimers.shutdownNow();
        }

        assertThat(claimedKeys).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void retryableFailuresBackOffExponentiallyThenFail() {
        outbox.enqueue(entry("flaky", clock.instant()));
        Instant start = clock.instant();

        ClaimedSend first = outbox.claimDue(10, LEASE).getFirst();
        assertThat(outbox.markRetryable(first, "test", "HTTP 503", RETRIES)).isTrue();
        OutboxRecord queued = outbox.find(first.id()).orElseThrow();
        assertThat(queued.status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(queued.nextAttemptAt()).isEqualTo(start.plusSeconds(30));
        assertThat(queued.lastError()).isEqualTo("HTTP 503");

        clock.advance(Duration.ofSeconds(29));
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        ClaimedSend second = outbox.claimDue(10, LEASE).getFirst();
        outbox.markRetryable(second, "test", "HTTP 429", RETRIES);
        assertThat(outbox.find(first.id()).orElseThrow().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60));

        clock.advance(Duration.ofSeconds(60));
        ClaimedSend third = outbox.claimDue(10, LEASE).getFirst();
        assertThat(third.attempt()).isEqualTo(3);
        outbox.markRetryable(third, "test", "HTTP 500", RETRIES);
        OutboxRecord failed = outbox.find(first.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        clock.advance(Duration.ofDays(1));
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
    }

    @Test
    void aProvidersRetryAfterPostponesTheNextAttemptBeyondTheSchedule() {
        outbox.enqueue(entry("throttled", clock.instant()));
        ClaimedSend first = outbox.claimDue(10, LEASE).getFirst();

        outbox.markRetryable(first, "fcm", "QUOTA_EXCEEDED", RETRIES, Duration.ofMinutes(2));
        assertThat(outbox.find(first.id()).orElseThrow().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(120));

        clock.advance(Duration.ofMinutes(2));
        ClaimedSend second = outbox.claimDue(10, LEASE).getFirst();
        outbox.markRetryable(second, "fcm", "UNAVAILABLE", RETRIES, Duration.ofSeconds(5));
        assertThat(outbox.find(first.id()).orElseThrow().nextAttemptAt())
                .as("a Retry-After shorter than the backoff does not shorten it")
                .isEqualTo(clock.instant().plusSeconds(60));
    }

    @Test
    void aPermanentFailureIsNeverTriedAgain() {
        outbox.enqueue(entry("invalid-number", clock.instant()));
        ClaimedSend claim = outbox.claimDue(10, LEASE).getFirst();

        assertThat(outbox.markUndeliverable(claim, "twilio-sms", "21211 invalid 'To' number")).isTrue();

        clock.advance(Duration.ofDays(1));
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
        OutboxRecord record = outbox.findByIdempotencyKey("invalid-number").orElseThrow();
        assertThat(record.status()).isEqualTo(OutboxStatus.UNDELIVERABLE);
        assertThat(record.providerId()).isEqualTo("twilio-sms");
        assertThat(record.lastError()).isEqualTo("21211 invalid 'To' number");
    }

    @Test
    void aReleasedClaimWaitsUntriedUntilItsTime() {
        outbox.enqueue(entry("paced", clock.instant()));
        ClaimedSend claim = outbox.claimDue(10, LEASE).getFirst();

        assertThat(outbox.release(claim, clock.instant().plusSeconds(10))).isTrue();

        assertThat(outbox.find(claim.id()).orElseThrow().attempts()).isZero();
        clock.advance(Duration.ofSeconds(9));
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.claimDue(10, LEASE)).singleElement()
                .satisfies(again -> assertThat(again.attempt()).isEqualTo(1));
    }

    private OutboxEntry entry(String key, Instant notBefore) {
        return new OutboxEntry(UuidV7.next(clock), null, customerId, EventKind.TICKET_STATUS_CHANGED,
                Category.TRANSACTIONAL, Channel.SMS, Map.of("ticketId", "4711"), key, notBefore);
    }

    private static List<String> keys(List<ClaimedSend> claims) {
        return claims.stream().map(claim -> claim.entry().idempotencyKey()).toList();
    }
}
