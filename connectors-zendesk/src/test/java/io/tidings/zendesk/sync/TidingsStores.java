package io.tidings.zendesk.sync;

import io.tidings.consent.ChannelScope;
import io.tidings.consent.ConsentBasis;
import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentSource;
import io.tidings.consent.ConsentStatement;
import io.tidings.consent.ConsentStatus;
import io.tidings.consent.Evidence;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.customer.ExternalRefs;
import io.tidings.ledger.ConsentLedger;
import io.tidings.ledger.ConsentLedgerStore;
import io.tidings.persistence.Database;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.preference.CustomerPreferences;
import io.tidings.preference.PreferenceStore;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** Tidings' stores on a fresh test database, wired as the server wires them. */
public final class TidingsStores implements AutoCloseable {

    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    public final Database database;
    public final CustomerStore customerStore;
    public final Customers customers;
    public final CustomerPreferences preferences;
    public final ConsentLedger ledger;
    public final ZendeskSyncQueue queue;
    public final CustomerSnapshots snapshots;

    public TidingsStores(TestDatabase target) {
        database = target.open();
        customerStore = new CustomerStore(database.jdbi());
        customers = new Customers(customerStore, clock);
        preferences = new CustomerPreferences(customerStore, new PreferenceStore(database.jdbi()), clock);
        ledger = new ConsentLedger(customerStore, new ConsentLedgerStore(database.jdbi()));
        queue = new ZendeskSyncQueue(database.jdbi(), clock);
        snapshots = new CustomerSnapshots(customerStore, preferences, ledger, clock);
    }

    /** A customer known to Zendesk as {@code zendeskUserId} (null: not known), in New York. */
    public UUID customer(String zendeskUserId) {
        return customers.create(new CustomerProfile(new ExternalRefs(zendeskUserId, null, null), null, null, null,
                ZoneId.of("America/New_York"), null, null, null)).id();
    }

    public void choose(UUID customer, Category category, Channel channel, boolean on) {
        preferences.change(customer, set -> PreferenceEdits.withChoice(set, category, channel, on),
                new CustomerPreferences.ChangedBy("test", null));
    }

    public void consent(UUID customer, Channel channel, ConsentStatus status) {
        Instant now = clock.instant();
        ledger.record(customer, new ConsentStatement(ConsentPurpose.MARKETING, status, ConsentBasis.EXPLICIT,
                ChannelScope.of(channel), now, now, null, ConsentSource.PREFERENCE_CENTRE,
                new Evidence(null, null, null, null, "2026-01", null)));
    }

    @Override
    public void close() {
        database.close();
    }
}
