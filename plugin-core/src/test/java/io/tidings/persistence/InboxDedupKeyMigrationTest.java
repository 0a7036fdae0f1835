package io.tidings.persistence;

import io.tidings.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Entries stored before the inbox deduplicated by {@link SourceEventKey} still stop their redeliveries after it does. */
class InboxDedupKeyMigrationTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void entriesStoredBeforeTheUpgradeGetTheirKeyAndStillCatchRedeliveries(TestDatabase target) throws SQLException {
        try (OlderSchema older = OlderSchema.at(target, "18")) {
            storeAnEntryAsV18Did(older.dataSource());
            try (Database database = older.upgrade()) {
                UUID stored = database.jdbi().withHandle(handle -> handle.createQuery("select dedup_key from inbox")
                        .mapTo(UUID.class).one());
                assertThat(stored).isEqualTo(SourceEventKey.of("zendesk", "evt-1"));
                assertThat(insert(database, "evt-1")).as("a redelivery of the stored event").isZero();
                assertThat(insert(database, "evt-2")).as("another event").isEqualTo(1);
            }
        }
    }

    private static void storeAnEntryAsV18Did(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into inbox (id, source, source_event_id, "
                + "event_type, subject, occurred_at, received_at, payload, status, attempts) values (?, 'zendesk', 'evt-1', "
                + "'zen:event-type:ticket.status_changed', 'zen:ticket:1', ?, ?, '{}', 'PROCESSED', 1)")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, now);
            insert.setObject(3, now);
            insert.executeUpdate();
        }
    }

    private static int insert(Database database, String sourceEventId) {
        return database.jdbi().withHandle(handle -> handle.createUpdate("insert into inbox (id, source, source_event_id, "
                        + "dedup_key, event_type, subject, occurred_at, received_at, payload, status, attempts) values (:id, "
                        + "'zendesk', :eventId, :key, 'zen:event-type:ticket.status_changed', 'zen:ticket:1', :at, :at, '{}', "
                        + "'PENDING', 0) on conflict do nothing")
                .bind("id", UUID.randomUUID())
                .bind("eventId", sourceEventId)
                .bind("key", SourceEventKey.of("zendesk", sourceEventId))
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                .execute());
    }
}
