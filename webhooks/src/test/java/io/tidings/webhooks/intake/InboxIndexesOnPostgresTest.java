package io.tidings.webhooks.intake;

import io.tidings.persistence.Database;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** On PostgreSQL the inbox's claim and customer indexes leave out what their queries never look for. */
class InboxIndexesOnPostgresTest {

    private Database database;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.POSTGRESQL.open();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void theClaimIndexHoldsOnlyPendingEntries() {
        assertThat(definition("inbox_pending"))
                .isEqualTo("CREATE INDEX inbox_pending ON public.inbox USING btree (source, claimed_until, occurred_at, id) "
                        + "WHERE ((status)::text = 'PENDING'::text)");
    }

    @Test
    void theCustomerIndexHoldsOnlyEntriesAboutAKnownCustomer() {
        assertThat(definition("inbox_customer"))
                .isEqualTo("CREATE INDEX inbox_customer ON public.inbox USING btree (customer_id) WHERE (customer_id IS NOT NULL)");
    }

    @Test
    void aClaimReadsTheClaimIndex() {
        String plan = database.jdbi().withHandle(handle -> {
            handle.execute("set enable_seqscan = off");
            return String.join("\n", handle.createQuery("explain select id, occurred_at from inbox where status = 'PENDING' "
                    + "and source = 'zendesk' and claimed_until is null "
                    + "order by status, source, claimed_until, occurred_at, id limit 100").mapTo(String.class).list());
        });

        assertThat(plan).contains("Index Scan using inbox_pending").doesNotContain("Sort");
    }

    private String definition(String index) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select indexdef from pg_indexes where indexname = :index")
                .bind("index", index).mapTo(String.class).one());
    }
}
