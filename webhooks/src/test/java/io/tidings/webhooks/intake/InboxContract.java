package io.tidings.webhooks.intake;

import io.tidings.persistence.Database;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the webhook inbox must do on every supported database. */
abstract class InboxContract {

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30.123456789Z"));
    private Database database;
    private Inbox inbox;

    InboxContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
        inbox = new Inbox(database.jdbi(), clock);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void storesADeliveryPendingWithItsEnvelope() {
        int stored = inbox.store(List.of(delivery(DeliverySource.ZENDESK, "evt-1")));

        assertThat(stored).isEqualTo(1);
        Map<String, Object> row = database.jdbi().withHandle(handle -> handle.createQuery("select * from inbox")
                .mapToMap().one());
        assertThat(row).containsEntry("source", "zendesk").containsEntry("source_event_id", "evt-1")
                .containsEntry("event_type", "zen:event-type:ticket.status_changed")
                .containsEntry("subject", "zen:ticket:35436").containsEntry("status", "PENDING")
                .containsEntry("payload", "{\"id\":\"evt-1\"}");
        assertThat(database.jdbi().withHandle(handle -> handle.createQuery("select occurred_at from inbox")
                .mapTo(OffsetDateTime.class).one()).toInstant()).isEqualTo(Instant.parse("2026-11-22T10:14:00.123456Z"));
    }

    @Test
    void aRedeliveryStoresNothingNew() {
        inbox.store(List.of(delivery(DeliverySource.ZENDESK, "evt-1")));

        int stored = inbox.store(List.of(delivery(DeliverySource.ZENDESK, "evt-1")));

        assertThat(stored).isZero();
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void theSameIdFromAnotherSourceIsAnotherEvent() {
        inbox.store(List.of(delivery(DeliverySource.ZENDESK, "evt-1")));

        assertThat(inbox.store(List.of(delivery(DeliverySource.SALESFORCE, "evt-1")))).isEqualTo(1);
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void aBatchCountsOnlyItsNewEventsEvenWhenItRepeatsOne() {
        inbox.store(List.of(delivery(DeliverySource.SALESFORCE, "04l000000000001AAA")));

        int stored = inbox.store(List.of(delivery(DeliverySource.SALESFORCE, "04l000000000001AAA"),
                delivery(DeliverySource.SALESFORCE, "04l000000000002AAA"),
                delivery(DeliverySource.SALESFORCE, "04l000000000002AAA")));

        assertThat(stored).isEqualTo(1);
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void storingEachAnswersTheNewEntryAtItsPlaceAndNothingForRepeats() {
        inbox.store(List.of(delivery(DeliverySource.ZENDESK, "held")));

        List<Optional<InboxEntry>> stored = inbox.storeEach(List.of(delivery(DeliverySource.ZENDESK, "held"),
                delivery(DeliverySource.ZENDESK, "fresh"), delivery(DeliverySource.ZENDESK, "fresh")), Duration.ZERO);

        assertThat(stored.get(0)).isEmpty();
        assertThat(stored.get(2)).isEmpty();
        InboxEntry fresh = stored.get(1).orElseThrow();
        assertThat(fresh.delivery().sourceEventId()).isEqualTo("fresh");
        String storedUnderItsId = database.jdbi().withHandle(handle -> handle.createQuery(
                        "select source_event_id from inbox where id = :id").bind("id", fresh.id())
                .mapTo(String.class).one());
        assertThat(storedUnderItsId).isEqualTo("fresh");
    }

    @Test
    void claimsTheOldestPendingEntriesAndLeasesThemUntilTheLeaseRunsOut() {
        inbox.store(List.of(delivery(DeliverySource.ZENDESK, "evt-late", Instant.parse("2026-11-22T10:14:03Z")),
                delivery(DeliverySource.ZENDESK, "evt-early", Instant.parse("2026-11-22T10:14:01Z")),
                delivery(DeliverySource.ZENDESK, "evt-middle", Instant.parse("2026-11-22T10:14:02Z"))));

        List<InboxEntry> first = inbox.claim(List.of(DeliverySource.ZENDESK), 2, Duration.ofMinutes(1));
        List<InboxEntry> second = inbox.claim(List.of(DeliverySource.ZENDESK), 2, Duration.ofMinutes(1));

        assertThat(first).extracting(entry -> entry.delivery().sourceEventId()).containsExactly("evt-early", "evt-middle");
        assertThat(first).extracting(InboxEntry::attempts).containsOnly(1);
        assertThat(second).extracting(entry -> entry.delivery().sourceEventId()).containsExactly("evt-late");
        assertThat(inbox.claim(List.of(DeliverySource.ZENDESK), 2, Duration.ofMinutes(1))).as("all leased").isEmpty();

        inbox.record(List.of(InboxOutcome.settled(first.getFirst(), InboxStatus.PROCESSED, "done")));
        clock.advance(Duration.ofMinutes(2));
        List<InboxEntry> again = inbox.claim(List.of(DeliverySource.ZENDESK), 5, Duration.ofMinutes(1));

        assertThat(again).as("leases ran out; the settled entry stays settled")
                .extracting(entry -> entry.delivery().sourceEventId()).containsExactly("evt-middle", "evt-late");
        assertThat(again).extracting(InboxEntry::attempts).containsOnly(2);
    }

    @Test
    void claimsUnleasedEntriesAndRunOutLeasesTogetherOldestEventFirstButNoLiveLease() {
        inbox.storeEach(List.of(delivery(DeliverySource.ZENDESK, "ran-out-early", Instant.parse("2026-11-22T10:14:01Z")),
                delivery(DeliverySource.ZENDESK, "ran-out-late", Instant.parse("2026-11-22T10:14:04Z"))), Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));
        inbox.storeEach(List.of(delivery(DeliverySource.ZENDESK, "live-lease", Instant.parse("2026-11-22T10:14:00Z"))),
                Duration.ofMinutes(1));
        inbox.store(List.of(delivery(DeliverySource.ZENDESK, "unleased-middle", Instant.parse("2026-11-22T10:14:02Z")),
                delivery(DeliverySource.ZENDESK, "unleased-last", Instant.parse("2026-11-22T10:14:05Z"))));

        List<InboxEntry> firstThree = inbox.claim(List.of(DeliverySource.ZENDESK), 3, Duration.ofMinutes(1));
        List<InboxEntry> rest = inbox.claim(List.of(DeliverySource.ZENDESK), 3, Duration.ofMinutes(1));

        assertThat(firstThree).extracting(entry -> entry.delivery().sourceEventId())
                .containsExactly("ran-out-early", "unleased-middle", "ran-out-late");
        assertThat(rest).as("the live lease is left to its holder")
                .extracting(entry -> entry.delivery().sourceEventId()).containsExactly("unleased-last");
    }

    @Test
    void claimsOnlyTheSourcesAsked() {
        inbox.store(List.of(delivery(DeliverySource.ZENDESK, "evt-1"), delivery(DeliverySource.SALESFORCE, "evt-2")));

        assertThat(inbox.claim(List.of(DeliverySource.SALESFORCE), 10, Duration.ofMinutes(1)))
                .extracting(entry -> entry.delivery().source()).containsExactly(DeliverySource.SALESFORCE);
    }

    @Test
    void workersClaimingAtOnceNeverShareAnEntry() throws Exception {
        for (int i = 0; i < 20; i++) {
            List<InboundDelivery> deliveries = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                deliveries.add(delivery(DeliverySource.ZENDESK, "evt-" + i + "-" + j));
            }
            inbox.store(deliveries);
        }
        ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(4)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                running.add(workers.submit(() -> {
                    int rounds = 0;
                    // Keep claiming until every entry is out; a worker may come back empty while others hold leases.
                    while (claimed.size() < 200 && rounds++ < 1000) {
                        inbox.claim(List.of(DeliverySource.ZENDESK), 7, Duration.ofMinutes(5))
                                .forEach(entry -> claimed.add(entry.delivery().sourceEventId()));
                    }
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        }
        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void recordsOutcomesAndKeepsRetriedEntriesPendingWithTheirNote() {
        inbox.store(List.of(delivery(DeliverySource.ZENDESK, "evt-1"), delivery(DeliverySource.ZENDESK, "evt-2")));
        Map<String, InboxEntry> claimed = inbox.claim(List.of(DeliverySource.ZENDESK), 10, Duration.ofMinutes(1)).stream()
                .collect(Collectors.toMap(entry -> entry.delivery().sourceEventId(), entry -> entry));
        UUID customer = UUID.randomUUID();

        inbox.record(List.of(InboxOutcome.settled(claimed.get("evt-1"), customer, InboxStatus.PROCESSED, "decided"),
                InboxOutcome.retryLater(claimed.get("evt-2"), "java.lang.IllegalStateException")));

        Map<String, Map<String, Object>> rows = database.jdbi().withHandle(handle -> handle.createQuery(
                        "select source_event_id, status, outcome, customer_id, processed_at from inbox")
                .mapToMap().list()).stream().collect(Collectors.toMap(row -> (String) row.get("source_event_id"), row -> row));
        assertThat(rows.get("evt-1")).containsEntry("status", "PROCESSED").containsEntry("outcome", "decided")
                .containsEntry("customer_id", customer);
        assertThat(rows.get("evt-1").get("processed_at")).isNotNull();
        assertThat(rows.get("evt-2")).containsEntry("status", "PENDING")
                .containsEntry("outcome", "java.lang.IllegalStateException").containsEntry("customer_id", null);
    }

    @Test
    void deletesOnlySettledEntriesReceivedBeforeTheCutoffAndAtMostTheBatch() {
        inbox.store(List.of(delivery(DeliverySource.ZENDESK, "old-processed"), delivery(DeliverySource.ZENDESK, "old-ignored"),
                delivery(DeliverySource.ZENDESK, "old-failed"), delivery(DeliverySource.ZENDESK, "old-pending")));
        clock.advance(Duration.ofDays(2));
        inbox.store(List.of(delivery(DeliverySource.ZENDESK, "new-processed")));
        Map<String, InboxEntry> claimed = inbox.claim(List.of(DeliverySource.ZENDESK), 10, Duration.ofMinutes(1)).stream()
                .collect(Collectors.toMap(entry -> entry.delivery().sourceEventId(), entry -> entry));
        inbox.record(List.of(InboxOutcome.settled(claimed.get("old-processed"), InboxStatus.PROCESSED, "decided"),
                InboxOutcome.settled(claimed.get("old-ignored"), InboxStatus.IGNORED, "unknown requester"),
                InboxOutcome.settled(claimed.get("old-failed"), InboxStatus.FAILED, "gave up"),
                InboxOutcome.settled(claimed.get("new-processed"), InboxStatus.PROCESSED, "decided")));
        Instant cutoff = clock.instant().minus(Duration.ofDays(1));

        assertThat(inbox.deleteSettledBefore(cutoff, 1)).isEqualTo(1);
        assertThat(inbox.deleteSettledBefore(cutoff, 10)).isEqualTo(1);
        assertThat(inbox.deleteSettledBefore(cutoff, 10)).isZero();

        List<String> kept = database.jdbi().withHandle(handle -> handle.createQuery("select source_event_id from inbox")
                .mapTo(String.class).list());
        assertThat(kept).containsExactlyInAnyOrder("old-failed", "old-pending", "new-processed");
    }

        private long rows() {
        return database.jdbi().withHandle(handle -> handle.createQuery("select count(*) from inbox").mapTo(Long.class).one());
    }

    private static InboundDelivery delivery(DeliverySource source, String id) {
        return delivery(source, id, Instant.parse("2026-11-22T10:14:00.123456789Z"));
    }

    private static InboundDelivery delivery(DeliverySource source, String id, Instant occurredAt) {
        return new InboundDelivery(source, id, "zen:event-type:ticket.status_changed", "zen:ticket:35436", occurredAt,
                "{\"id\":\"" + id + "\"}");
    }
}
