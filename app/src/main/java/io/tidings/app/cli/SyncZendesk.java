package io.tidings.app.cli;

import io.tidings.customer.CustomerStore;
import io.tidings.ledger.ConsentLedger;
import io.tidings.ledger.ConsentLedgerStore;
import io.tidings.persistence.Database;
import io.tidings.persistence.DatabaseSettings;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.CategoryPolicyConfig;
import io.tidings.preference.CustomerPreferences;
import io.tidings.preference.PreferenceStore;
import io.tidings.zendesk.client.JobFollower;
import io.tidings.zendesk.client.RequestPacer;
import io.tidings.zendesk.client.ZendeskClient;
import io.tidings.zendesk.client.ZendeskHttp;
import io.tidings.zendesk.client.ZendeskSettings;
import io.tidings.zendesk.sync.CustomerSnapshots;
import io.tidings.zendesk.sync.SyncPositions;
import io.tidings.zendesk.sync.ZendeskBackfill;
import io.tidings.zendesk.sync.ZendeskSyncQueue;
import io.tidings.zendesk.sync.ZendeskUserFieldSync;
import org.eclipse.microprofile.config.Config;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code tidings sync zendesk --backfill}: writes every customer with a Zendesk user to their
 * fields, with a progress bar; run it again after a stop and it carries on where it was. Talks to
 * the configured database directly (stop a server on the embedded H2 file first; PostgreSQL can
 * stay up).
 */
public final class SyncZendesk {

    private SyncZendesk() {
    }

    public static int run(List<String> args, Config config, PrintStream out, PrintStream err) {
        if (!args.equals(List.of("zendesk", "--backfill"))) {
            err.println("Usage: tidings sync zendesk --backfill");
            return 2;
        }
        Optional<ZendeskSettings> settings = ZendeskSettings.from(config);
        if (settings.isEmpty()) {
            err.println("Set tidings.zendesk.base-url (or .subdomain) and tidings.zendesk.email with "
                    + "tidings.zendesk.api-token (or tidings.zendesk.oauth-token).");
            return 2;
        }
        Clock clock = Clock.systemUTC();
        try (Database database = Database.open(new DatabaseSettings(config.getValue("tidings.db.url", String.class),
                config.getOptionalValue("tidings.db.user", String.class).orElse(""),
                config.getOptionalValue("tidings.db.password", String.class).orElse(""), 2))) {
            var jdbi = database.jdbi();
            CustomerStore customers = new CustomerStore(jdbi);
            CustomerSnapshots snapshots = new CustomerSnapshots(customers,
                    new CustomerPreferences(customers, new PreferenceStore(jdbi), clock),
                    new ConsentLedger(customers, new ConsentLedgerStore(jdbi)), clock);
            ZendeskSyncQueue queue = new ZendeskSyncQueue(jdbi, clock);
            ZendeskClient client = new ZendeskClient(ZendeskHttp.of(settings.get()));
            CategoryPolicies policies = new CategoryPolicyConfig().categoryPolicies(config);
            int maxOutstandingJobs = config.getOptionalValue("tidings.zendesk.sync.max-outstanding-jobs", Integer.class)
                    .orElse(JobFollower.ZENDESK_JOB_LIMIT);
            ZendeskUserFieldSync sync = new ZendeskUserFieldSync(queue, snapshots, policies, client,
                    new JobFollower(client, Duration.ofSeconds(1), ZendeskUserFieldSync.JOB_GIVE_UP, maxOutstandingJobs,
                            RequestPacer.SYSTEM));
            ProgressBar bar = new ProgressBar(out);
            long waiting = new ZendeskBackfill(jdbi, queue, new SyncPositions(jdbi, clock), sync).run(
                    new ZendeskBackfill.Progress() {
                        @Override
                        public void queued(long done, long total) {
                            bar.show("queued", done, total);
                        }

                        @Override
                        public void synced(long done, long total) {
                            bar.show("synced", done, total);
                        }
                    });
            bar.end();
            out.println(waiting == 0 ? "Every customer's Zendesk fields are written."
                    : waiting + " customers wait for a retry; the server's sync (or another run) takes them.");
            return 0;
        }
    }
}
