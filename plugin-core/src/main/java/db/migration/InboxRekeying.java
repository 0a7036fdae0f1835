package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Gives inbox entries new deduplication keys, a thousand to a batch: for the migrations that change how keys are made. */
final class InboxRekeying {

    private static final int BATCH = 1_000;

    /** The new key of the entry on the current row, or null to keep the one it has. */
    @FunctionalInterface
    interface NewKey {
        UUID of(ResultSet row) throws SQLException;
    }

    private InboxRekeying() {
    }

    /** Rekeys the entries {@code select} reads, which must include their {@code id}. */
    static void rekey(Connection connection, String select, NewKey newKey) throws SQLException {
        try (Statement read = connection.createStatement();
             PreparedStatement write = connection.prepareStatement("update inbox set dedup_key = ? where id = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery(select)) {
                while (rows.next()) {
                    UUID key = newKey.of(rows);
                    if (key == null) {
                        continue;
                    }
                    write.setObject(1, key);
                    write.setObject(2, rows.getObject("id", UUID.class));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }
}
