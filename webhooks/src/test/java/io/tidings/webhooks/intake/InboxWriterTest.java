package io.tidings.webhooks.intake;

import io.tidings.persistence.Database;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxWriterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30Z"));
    private final AtomicInteger transactions = new AtomicInteger();
    private Database database;
    private InboxWriter writer;

    @BeforeEach
    void start() {
        database = TestDatabase.H2.open();
        writer = writer(Duration.ofMillis(2), 1);
    }

    private InboxWriter writer(Duration commitInterval, int writers) {
        InboxWriter started = new InboxWriter(new Inbox(database.jdbi(), clock) {
            @Override
            public boolean[] storeEach(List<InboundDelivery> deliveries) {
                transactions.incrementAndGet();
                if (deliveries.stream().anyMatch(delivery -> delivery.sourceEventId().startsWith("refused"))) {
                    throw new IllegalStateException("the database refused the transaction");
                }
                return super.storeEach(deliveries);
            }
        }, commitInterval, writers);
        started.start();
        return started;
    }

    @AfterEach
    void stop() {
        writer.stop();
        database.close();
    }

    @Test
    void deliveriesArrivingWithinTheCommitIntervalShareTheNextTransaction() throws Exception {
        writer.stop();
        writer = writer(Duration.ofSeconds(1), 1);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String id = "evt-" + i;
                answers.add(senders.submit(() -> writer.store(List.of(delivery(id)))));
                Thread.sleep(20);
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(1);
            }
        }
        assertThat(transactions).as("the first delivery at once, the four that came within the interval together")
                .hasValue(2);
        assertThat(rows()).isEqualTo(5);
    }

    @Test
    void aDeliveryAfterAQuietSpellIsWrittenAtOnce() {
        writer.stop();
        writer = writer(Duration.ofHours(1), 1);

        assertThat(writer.store(List.of(delivery("evt-1")))).as("not held back by the hour-long interval").isEqualTo(1);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void severalWritersStoreEveryDeliveryOnceAndTheSameEventOnce() throws Exception {
        writer.stop();
        writer = writer(Duration.ZERO, 3);

        List<Integer> distinct = sendConcurrently(300, i -> "evt-" + i);
        List<Integer> same = sendConcurrently(50, i -> "evt-same");

        assertThat(distinct).hasSize(300).containsOnly(1);
        assertThat(same.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(rows()).isEqualTo(301);
    }

    @Test
    void concurrentSendersAreEachAnsweredOnceTheirDeliveryIsStored() throws Exception {
        List<Integer> answers = sendConcurrently(200, i -> "evt-" + i);

        assertThat(answers).hasSize(200).containsOnly(1);
        assertThat(rows()).isEqualTo(200);
    }

    @Test
    void theSameEventSentConcurrentlyIsStoredOnceAndReportedNewOnce() throws Exception {
        List<Integer> answers = sendConcurrently(50, i -> "evt-same");

        assertThat(answers.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void aDeliveryTheDatabaseRefusesFailsAloneAndTheOthersAreStored() throws Exception {
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> accepted = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String id = "evt-" + i;
                accepted.add(senders.submit(() -> writer.store(List.of(delivery(id)))));
            }
            Future<Integer> refused = senders.submit(() -> writer.store(List.of(delivery("refused-1"))));

            for (Future<Integer> answer : accepted) {
                assertThat(answer.get()).isEqualTo(1);
            }
            assertThatThrownBy(refused::get).hasRootCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("the database refused the transaction");
        }
        assertThat(rows()).isEqualTo(50);
    }

    private List<Integer> sendConcurrently(int senders, IntFunction<String> eventId)
            throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                String id = eventId.apply(i);
                answers.add(pool.submit(() -> writer.store(List.of(delivery(id)))));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                results.add(answer.get());
            }
            return results;
        }
    }

    private long rows() {
        return database.jdbi().withHandle(handle -> handle.createQuery("select count(*) from inbox")
                .mapTo(Long.class).one());
    }

    private static InboundDelivery delivery(String id) {
        return new InboundDelivery(DeliverySource.ZENDESK, id, "zen:event-type:ticket.status_changed",
                "zen:ticket:35436", Instant.parse("2026-11-22T10:14:00Z"), "{\"id\":\"" + id + "\"}");
    }
}
