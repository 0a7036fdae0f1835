package io.tidings.zendesk.sync;

import io.tidings.customer.CustomerStore;
import io.tidings.ledger.ConsentLedger;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.CustomerPreferences;
import io.tidings.webhooks.polling.PollingLoop;
import io.tidings.zendesk.client.JobFollower;
import io.tidings.zendesk.client.RequestPacer;
import io.tidings.zendesk.client.ZendeskAccount;
import io.tidings.zendesk.client.ZendeskClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the Zendesk sync in the background while a Zendesk account is configured: the user field
 * sync every {@code tidings.zendesk.sync.poll-interval} (default PT1S), with at most
 * {@code tidings.zendesk.sync.max-outstanding-jobs} (30, Zendesk's job queue limit) update jobs out
 * at once and their statuses read together at most every {@code tidings.zendesk.sync.job-poll-interval}
 * (PT1S); and the drift reader every {@code tidings.zendesk.drift.poll-interval} (PT1M; Zendesk
 * allows 10 export calls a minute).
 * PT0S turns a loop off.
 */
@ApplicationScoped
public class ZendeskSyncPolling {

    private final ZendeskAccount account;
    private final ZendeskSyncQueue queue;
    private final CustomerSnapshots snapshots;
    private final CategoryPolicies policies;
    private final CustomerStore customers;
    private final CustomerPreferences preferences;
    private final ConsentLedger ledger;
    private final SyncPositions positions;
    private final Clock clock;
    private final Duration interval;
    private final Duration jobPollInterval;
    private final int maxOutstandingJobs;
    private final Duration driftInterval;
    private final List<PollingLoop> loops = new ArrayList<>();

    @Inject
    public ZendeskSyncPolling(ZendeskAccount account, ZendeskSyncQueue queue, CustomerSnapshots snapshots,
                              CategoryPolicies policies, CustomerStore customers, CustomerPreferences preferences,
                              ConsentLedger ledger, SyncPositions positions, Clock clock,
                              @ConfigProperty(name = "tidings.zendesk.sync.poll-interval", defaultValue = "PT1S")
                              String interval,
                              @ConfigProperty(name = "tidings.zendesk.sync.job-poll-interval", defaultValue = "PT1S")
                              String jobPollInterval,
                              @ConfigProperty(name = "tidings.zendesk.sync.max-outstanding-jobs", defaultValue = "30")
                              int maxOutstandingJobs,
                              @ConfigProperty(name = "tidings.zendesk.drift.poll-interval", defaultValue = "PT1M")
                              String driftInterval) {
        this.account = account;
        this.queue = queue;
        this.snapshots = snapshots;
        this.policies = policies;
        this.customers = customers;
        this.preferences = preferences;
        this.ledger = ledger;
        this.positions = positions;
        this.clock = clock;
        this.interval = Duration.parse(interval);
        this.jobPollInterval = Duration.parse(jobPollInterval);
        this.maxOutstandingJobs = maxOutstandingJobs;
        this.driftInterval = Duration.parse(driftInterval);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (account.client().isEmpty()) {
            return;
        }
        ZendeskClient client = account.client().get();
        if (!interval.isZero()) {
            ZendeskUserFieldSync sync = new ZendeskUserFieldSync(queue, snapshots, policies, client,
                    new JobFollower(client, jobPollInterval, ZendeskUserFieldSync.JOB_GIVE_UP, maxOutstandingJobs,
                            RequestPacer.SYSTEM));
            loops.add(PollingLoop.start("tidings-zendesk-sync", interval, sync::syncBatch,
                    ZendeskClient.MAX_USERS_PER_CALL));
        }
        if (!driftInterval.isZero()) {
            ZendeskDriftReader drift = new ZendeskDriftReader(client, positions, customers, snapshots,
                    new FieldDrift(preferences, ledger, queue, policies, clock), clock);
            // a batch size no run reaches: one run reads the export to its end
            loops.add(PollingLoop.start("tidings-zendesk-drift", driftInterval, drift::readChanges, Integer.MAX_VALUE));
        }
    }

    @PreDestroy
    void stop() {
        loops.forEach(PollingLoop::close);
    }
}
