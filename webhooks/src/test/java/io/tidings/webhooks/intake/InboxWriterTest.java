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
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxWriterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30Z"));
    private final AtomicInteger transactions = new AtomicInteger();
    private Database database;
    private InboxHandoff handoff;
    private Inbox inbox;
    private InboxWriter writer;

    @BeforeEach
    void start() {
        database = TestDatabase.H2.open();
        handoff = new InboxHandoff(clock, Duration.ofMinutes(1));
        inbox = new Inbox(database.jdbi(), clock);
        writer = writer(Duration.ofMillis(2), 1);
    }

    private InboxWriter writer(Duration commitInterval, int writers) {
        InboxWriter started = new InboxWriter(new Inbox(database.jdbi(), clock) {
            @Override
            public List<Optional<InboxEntry>> storeEach(List<InboundDelivery> deliveries, Duration lease) {
                transactions.incrementAndGet();
                if (deliveries.stream().anyMatch(delivery -> delivery.sourceEventId().startsWith("refused"))) {
                    throw new IllegalStateException("the database refused the transaction");
                }
                return super.storeEach(deliveries, lease);
            }
        }, handoff, commitInterval, writers);
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

    @Test
    void whileAWorkerTakesHandedOverEntriesTheyAreStoredLeasedAndHandedOverOnce() throws Exception {
        AtomicInteger handovers = new AtomicInteger();
        handoff.open(List.of(DeliverySource.ZENDESK), handovers::incrementAndGet);

        List<Integer> answers = sendConcurrently(50, i -> "evt-" + i);
        List<Integer> repeated = sendConcurrently(10, i -> "evt-" + i);

        assertThat(answers).containsOnly(1);
        assertThat(repeated).as("redeliveries").containsOnly(0);
        assertThat(handovers).hasPositiveValue();
        List<InboxEntry> handedOver = handoff.take(100);
        assertThat(handedOver).hasSize(50).allSatisfy(entry -> assertThat(entry.attempts()).isEqualTo(1));
        assertThat(handedOver.stream().map(entry -> entry.delivery().sourceEventId()))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50).mapToObj(i -> "evt-" + i).toList());
        assertThat(inbox.claim(List.of(DeliverySource.ZENDESK), 100, Duration.ofMinutes(1)))
                .as("stored leased: no other worker claims them").isEmpty();
        clock.advance(handoff.lease().plusSeconds(1));
        assertThat(inbox.claim(List.of(DeliverySource.ZENDESK), 100, Duration.ofMinutes(1)))
                .as("claimed by anyone once the lease runs out").hasSize(50)
                .allSatisfy(entry -> assertThat(entry.attempts()).isEqualTo(2));
    }

    @Test
    void withoutRoomInTheHandoffDeliveriesAreStoredForAnyWorkerToClaim() {
        handoff.open(List.of(DeliverySource.SALESFORCE), () -> { });

        assertThat(writer.store(List.of(delivery("evt-1")))).isEqualTo(1);

        assertThat(handoff.take(10)).as("no worker here works Zendesk deliveries").isEmpty();
        assertThat(inbox.claim(List.of(DeliverySource.ZENDESK), 10, Duration.ofMinutes(1))).hasSize(1)
                .allSatisfy(entry -> assertThat(entry.attempts()).isEqualTo(1));
    }

    @Test
    void aRefusedDeliveryGivesItsRoomInTheHandoffBack() throws Exception {
        handoff.open(List.of(DeliverySource.ZENDESK), () -> { });

        assertThatThrownBy(() -> writer.store(List.of(delivery("refused-1")))).hasMessageContaining("refused");
        List<Integer> answers = sendConcurrently(InboxHandoff.CAPACITY, i -> "evt-" + i);

        assertThat(answers).containsOnly(1);
        assertThat(handoff.take(InboxHandoff.CAPACITY)).as("the whole capacity is there for the stored ones")
                .hasSize(InboxHandoff.CAPACITY);
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
