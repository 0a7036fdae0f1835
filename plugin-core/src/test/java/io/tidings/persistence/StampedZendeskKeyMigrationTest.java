package io.tidings.persistence;

import io.tidings.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Zendesk entries stored before their keys began with the event's time get such keys; the others keep theirs. */
class StampedZendeskKeyMigrationTest {

    private static final Instant EVENT_TIME = Instant.parse("2026-11-22T09:00:00.123Z");
    private static final Instant RECEIVED = Instant.parse("2026-11-22T09:00:02.456789Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void stampedZendeskEntriesAreKeyedByTheirTimeAndTheRestKeepTheirKeys(TestDatabase target) throws SQLException {
        try (OlderSchema older = OlderSchema.at(target, "19")) {
            storeAsV19Did(older.dataSource(), "zendesk", "with-time", "zen:event-type:ticket.status_changed", EVENT_TIME,
                    "{\"id\":\"with-time\",\"type\":\"zen:event-type:ticket.status_changed\","
                            + "\"time\":\"2026-11-22T09:00:00.123Z\"}", false);
            storeAsV19Did(older.dataSource(), "zendesk", "trigger", "tidings:trigger:ticket.status_changed", RECEIVED,
                    "{\"id\":\"trigger\",\"type\":\"tidings:trigger:ticket.status_changed\"}", false);
            storeAsV19Did(older.dataSource(), "zendesk", "erased-event", "zen:event-type:ticket.status_changed", EVENT_TIME,
                    "", true);
            storeAsV19Did(older.dataSource(), "zendesk", "erased-trigger", "tidings:trigger:ticket.status_changed", RECEIVED,
                    "", true);
            storeAsV19Did(older.dataSource(), "salesforce", "04l000000000001AAA", "salesforce:outbound-message:Contact",
                    EVENT_TIME, "<notification/>", false);

            try (Database database = older.upgrade()) {
                Map<String, UUID> keys = database.jdbi().withHandle(handle -> handle.createQuery(
                                "select source_event_id, dedup_key from inbox")
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
                        .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));

                assertThat(keys).containsEntry("with-time", SourceEventKey.of("zendesk", "with-time", EVENT_TIME))
                        .containsEntry("trigger", SourceEventKey.of("zendesk", "trigger"))
                        .containsEntry("erased-event", SourceEventKey.of("zendesk", "erased-event", EVENT_TIME))
                        .containsEntry("erased-trigger", SourceEventKey.of("zendesk", "erased-trigger"))
                        .containsEntry("04l000000000001AAA", SourceEventKey.of("salesforce", "04l000000000001AAA"));
            }
        }
    }

    private static void storeAsV19Did(DataSource dataSource, String source, String eventId, String eventType,
                                      Instant occurredAt, String payload, boolean erased) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into inbox (id, source, source_event_id, "
                     + "dedup_key, event_type, subject, occurred_at, received_at, payload, status, attempts, erased_at) "
                     + "values (?, ?, ?, ?, ?, '', ?, ?, ?, 'PROCESSED', 1, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, source);
            insert.setString(3, eventId);
            insert.setObject(4, SourceEventKey.of(source, eventId));
            insert.setString(5, eventType);
            insert.setObject(6, occurredAt.atOffset(ZoneOffset.UTC));
            insert.setObject(7, RECEIVED.atOffset(ZoneOffset.UTC));
            insert.setString(8, payload);
            insert.setObject(9, erased ? OffsetDateTime.ofInstant(RECEIVED, ZoneOffset.UTC) : null);
            insert.executeUpdate();
        }
    }
}
