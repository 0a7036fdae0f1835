package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * On PostgreSQL, the inbox's claim index ({@code inbox_pending}) holds only pending entries and its
 * customer index ({@code inbox_customer}) only entries about a known customer. Nearly every entry is
 * settled within moments of arriving and most webhooks are about nobody Tidings knows, so whole
 * indexes gained an entry on every insert and again on every outcome, for rows no query looks for
 * there: the claim asks for pending entries, erasure for one customer's. H2 has no partial indexes
 * and keeps both whole. (A Java migration because the two databases differ; the SQL ones serve both.)
 */
public class V18__Inbox_indexes_without_settled_entries extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        if (!"PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("drop index inbox_pending");
            // The status is the predicate, so the key starts at the source; the claim's order by status costs nothing.
            statement.execute("create index inbox_pending on inbox (source, claimed_until, occurred_at, id) "
                    + "where status = 'PENDING'");
            statement.execute("drop index inbox_customer");
            statement.execute("create index inbox_customer on inbox (customer_id) where customer_id is not null");
        }
    }
}
