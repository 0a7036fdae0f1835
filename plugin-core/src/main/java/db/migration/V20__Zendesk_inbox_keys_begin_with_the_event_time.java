package db.migration;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.http.JsonMapping;
import io.tidings.persistence.SourceEventKey;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Zendesk deliveries that carry their own {@code time} are deduplicated on a key that begins with
 * it ({@link SourceEventKey#of(String, String, java.time.Instant)}), so that new keys land together
 * at the end of the index: gives the entries stored before this version the same key, so that a
 * redelivery after the upgrade still finds its entry. The intake stored that time as
 * {@code occurred_at}. An entry whose payload was erased no longer shows whether it had a time; it
 * is taken to have had one when it is of a Zendesk event type ({@code zen:event-type:...}), whose
 * envelope always carries {@code time}.
 */
public class V20__Zendesk_inbox_keys_begin_with_the_event_time extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        InboxRekeying.rekey(context.getConnection(), "select id, source_event_id, event_type, occurred_at, payload, "
                + "erased_at from inbox where source = 'zendesk'", row -> stamped(row)
                ? SourceEventKey.of("zendesk", row.getString("source_event_id"),
                        row.getObject("occurred_at", OffsetDateTime.class).toInstant())
                : null);
    }

    private static boolean stamped(ResultSet row) throws SQLException {
        if (row.getObject("erased_at") != null) {
            return row.getString("event_type").startsWith("zen:event-type:");
        }
        try {
            JsonNode body = JsonMapping.MAPPER.readTree(row.getString("payload"));
            return body != null && body.isObject() && body.hasNonNull("time");
        } catch (JacksonException e) {
            return false;
        }
    }
}
