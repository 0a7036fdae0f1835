package io.tidings.dispatch;

import io.tidings.customer.CustomerProfile;
import io.tidings.decision.EventKind;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two dispatchers (two replicas) with two threads each (as {@code tidings.dispatch.threads=2} runs
 * them) drain one outbox at the same time: every send goes out exactly once and is recorded as
 * sent, through a provider that commits each acceptance before its next call and one whose
 * acceptances are committed per batch.
 */
abstract class ConcurrentDispatchContract {

    private static final int SENDS_PER_CHANNEL = 300;
    private static final int THREADS_PER_DISPATCHER = 2;

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30Z"));
    private final CountingProvider sms = new CountingProvider("counting-sms", Channel.SMS, false);
    private final CountingProvider email = new CountingProvider("counting-email", Channel.EMAIL, true);
    private DispatchFixture fixture;

    ConcurrentDispatchContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void queueSends() {
        fixture = new DispatchFixture(target, clock);
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            customers.add(fixture.customer(new CustomerProfile(null, "customer" + i + "@example.com",
                    "+1201555%04d".formatted(i), null, null, null, null, null)));
        }
        for (int i = 0; i < SENDS_PER_CHANNEL; i++) {
            for (Channel channel : List.of(Channel.SMS, Channel.EMAIL)) {
                fixture.outbox.enqueue(new OutboxEntry(UUID.randomUUID(), null, customers.get(i % customers.size()),
                        EventKind.TICKET_STATUS_CHANGED, Category.TRANSACTIONAL, channel,
                        Map.of("ticketId", Integer.toString(i), "status", "solved"), "concurrent:" + i + ":" + channel,
                        clock.instant()));
            }
        }
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void twoDispatchersDrainingAtOnceSendEveryRowExactlyOnce() throws Exception {
        DispatchSettings settings = new DispatchSettings(10, Duration.ofMinutes(2), new RetrySchedule(
                Duration.ofSeconds(30), Duration.ofHours(1), 5), 5, Duration.ofMinutes(1), Map.of(), Duration.ofMinutes(1));
        Map<Channel, ChannelProvider> providers = Map.of(Channel.SMS, sms, Channel.EMAIL, email);
        List<Dispatcher> replicas = List.of(fixture.dispatcher(providers, settings, 4),
                fixture.dispatcher(providers, settings, 4));
        ExecutorService threads = Executors.newFixedThreadPool(replicas.size() * THREADS_PER_DISPATCHER);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> drained = new ArrayList<>();
        try {
            for (Dispatcher replica : replicas) {
                for (int t = 0; t < THREADS_PER_DISPATCHER; t++) {
                    drained.add(threads.submit(() -> {
                        start.await();
                        int total = 0;
                        int claimed;
                        do {
                            claimed = replica.drain();
                            total += claimed;
                        } while (claimed > 0);
                        return total;
                    }));
                }
            }
            start.countDown();
            int claimed = 0;
            for (Future<Integer> thread : drained) {
                claimed += thread.get();
            }
            assertThat(claimed).as("claims over all threads").isEqualTo(2 * SENDS_PER_CHANNEL);
        } finally {
            threads.shutdownNow();
        }

        for (CountingProvider provider : List.of(sms, email)) {
            assertThat(provider.requestsPerKey).as(provider.id()).hasSize(SENDS_PER_CHANNEL);
            assertThat(provider.requestsPerKey.values()).as(provider.id() + ": requests per send")
                    .allSatisfy(requests -> assertThat(requests.get()).isEqualTo(1));
        }
        List<String> statuses = fixture.database.jdbi().withHandle(handle -> handle.createQuery(
                "select status from outbox").mapTo(String.class).list());
        assertThat(statuses).hasSize(2 * SENDS_PER_CHANNEL).containsOnly(OutboxStatus.SENT.name());
    }

    /** Accepts every message at once and counts the requests per idempotency key, from any thread. */
    private static final class CountingProvider implements ChannelProvider {

        final Map<String, AtomicInteger> requestsPerKey = new ConcurrentHashMap<>();
        private final String id;
        private final Channel channel;
        private final boolean detectsDuplicates;

        CountingProvider(String id, Channel channel, boolean detectsDuplicates) {
            this.id = id;
            this.channel = channel;
            this.detectsDuplicates = detectsDuplicates;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Set<Channel> channels() {
            return Set.of(channel);
        }

        @Override
        public boolean detectsDuplicates() {
            return detectsDuplicates;
        }

        @Override
        public SendResult send(OutboundMessage message) {
            int requests = requestsPerKey.computeIfAbsent(message.idempotencyKey(), key -> new AtomicInteger())
                    .incrementAndGet();
            return new SendResult.Accepted(id + "-" + message.idempotencyKey() + "-" + requests);
        }
    }
}
