package io.tidings.zendesk.sync;

import io.tidings.preference.CategoryPolicies;
import io.tidings.webhooks.polling.PollingLoop;
import io.tidings.zendesk.client.JobFollower;
import io.tidings.zendesk.client.ZendeskAccount;
import io.tidings.zendesk.client.ZendeskClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Runs the Zendesk user field sync in the background while a Zendesk account is configured, every
 * {@code tidings.zendesk.sync.poll-interval} (default PT1S; PT0S turns it off), reading job
 * statuses every {@code tidings.zendesk.sync.job-poll-interval} (default PT1S).
 */
@ApplicationScoped
public class ZendeskSyncPolling {

    /** Reads of a job's status before a batch gives up on it and queues its customers again. */
    private static final int MAX_JOB_POLLS = 300;

    private final ZendeskAccount account;
    private final ZendeskSyncQueue queue;
    private final CustomerSnapshots snapshots;
    private final CategoryPolicies policies;
    private final Duration interval;
    private final Duration jobPollInterval;
    private PollingLoop loop;

    @Inject
    public ZendeskSyncPolling(ZendeskAccount account, ZendeskSyncQueue queue, CustomerSnapshots snapshots,
                              CategoryPolicies policies,
                              @ConfigProperty(name = "tidings.zendesk.sync.poll-interval", defaultValue = "PT1S")
                              String interval,
                              @ConfigProperty(name = "tidings.zendesk.sync.job-poll-interval", defaultValue = "PT1S")
                              String jobPollInterval) {
        this.account = account;
        this.queue = queue;
        this.snapshots = snapshots;
        this.policies = policies;
        this.interval = Duration.parse(interval);
        this.jobPollInterval = Duration.parse(jobPollInterval);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (interval.isZero() || account.client().isEmpty()) {
            return;
        }
        ZendeskClient client = account.client().get();
        ZendeskUserFieldSync sync = new ZendeskUserFieldSync(queue, snapshots, policies, client,
                new JobFollower(client, jobPollInterval, MAX_JOB_POLLS));
        loop = PollingLoop.start("tidings-zendesk-sync", interval, sync::syncBatch, ZendeskClient.MAX_USERS_PER_CALL);
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.close();
        }
    }
}
