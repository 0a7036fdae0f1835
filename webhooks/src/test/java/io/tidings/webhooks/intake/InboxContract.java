package io.tidings.webhooks.intake;

import io.tidings.persistence.Database;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

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

    private long rows() {
        return database.jdbi().withHandle(handle -> handle.createQuery("select count(*) from inbox").mapTo(Long.class).one());
    }

    private static InboundDelivery delivery(DeliverySource source, String id) {
        return new InboundDelivery(source, id, "zen:event-type:ticket.status_changed", "zen:ticket:35436",
                Instant.parse("2026-11-22T10:14:00.123456789Z"), "{\"id\":\"" + id + "\"}");
    }
}
