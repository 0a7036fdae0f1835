package db.migration;

import io.tidings.persistence.SourceEventKey;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The inbox deduplicates on {@link SourceEventKey} instead of {@code (source, source_event_id)}:
 * adds {@code dedup_key}, gives every stored entry its key (computed here by the same code the
 * inbox uses, so a redelivery after the upgrade still finds its entry), and moves the unique
 * constraint {@code inbox_once} onto it.
 */
public class V19__Inbox_deduplicated_by_a_hashed_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table inbox add column dedup_key uuid");
        }
        InboxRekeying.rekey(connection, "select id, source, source_event_id from inbox",
                row -> SourceEventKey.of(row.getString("source"), row.getString("source_event_id")));
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table inbox alter column dedup_key set not null");
            statement.execute("alter table inbox drop constraint inbox_once");
            statement.execute("alter table inbox add constraint inbox_once unique (dedup_key)");
        }
    }
}
