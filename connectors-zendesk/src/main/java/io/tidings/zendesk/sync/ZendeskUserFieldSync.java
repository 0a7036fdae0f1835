package io.tidings.zendesk.sync;

import io.tidings.preference.CategoryPolicies;
import io.tidings.zendesk.client.JobFollower;
import io.tidings.zendesk.client.JobStatus;
import io.tidings.zendesk.client.ZendeskApiException;
import io.tidings.zendesk.client.ZendeskClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes queued customers' preferences and consent to their Zendesk user fields: up to 100
 * customers per {@code update_many} call, following the job to its end; customers whose item
 * failed, or whose whole call failed, are queued again with backoff.
 */
public final class ZendeskUserFieldSync {

    private static final System.Logger LOG = System.getLogger(ZendeskUserFieldSync.class.getName());
    /** Longer than a batch can take (one call, its job's polls), so a live worker keeps its lease. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final ZendeskSyncQueue queue;
    private final CustomerSnapshots snapshots;
    private final CategoryPolicies policies;
    private final ZendeskClient client;
    private final JobFollower jobs;

    public ZendeskUserFieldSync(ZendeskSyncQueue queue, CustomerSnapshots snapshots, CategoryPolicies policies,
                                ZendeskClient client, JobFollower jobs) {
        this.queue = queue;
        this.snapshots = snapshots;
        this.policies = policies;
        this.client = client;
        this.jobs = jobs;
    }

    /** Syncs one batch of due customers; answers how many it claimed. */
    public int syncBatch() {
        List<ClaimedSync> claimed = queue.claim(ZendeskClient.MAX_USERS_PER_CALL, LEASE);
        Map<Long, Map<String, Object>> fields = new LinkedHashMap<>();
        Map<Long, ClaimedSync> byUser = new HashMap<>();
        for (ClaimedSync sync : claimed) {
            Optional<Long> userId = snapshots.of(sync.customerId()).flatMap(snapshot -> {
                Optional<Long> id = zendeskUserId(snapshot);
                id.ifPresent(user -> fields.put(user, TidingsUserFields.values(snapshot, policies)));
                return id;
            });
            if (userId.isEmpty() || byUser.containsKey(userId.get())) {
                queue.done(sync);
            } else {
                byUser.put(userId.get(), sync);
            }
        }
        if (!fields.isEmpty()) {
            write(fields, byUser);
        }
        return claimed.size();
    }

    private void write(Map<Long, Map<String, Object>> fields, Map<Long, ClaimedSync> byUser) {
        List<Long> order = new ArrayList<>(fields.keySet());
        JobStatus job;
        try {
            job = jobs.awaitFinished(client.updateManyUsers(fields));
        } catch (ZendeskApiException e) {
            LOG.log(System.Logger.Level.WARNING, "Zendesk user field sync of " + order.size()
                    + " users failed; they are queued again: " + e.getMessage());
            byUser.values().forEach(sync -> queue.retry(sync, e.getMessage()));
            return;
        }
        if (!job.completed()) {
            byUser.values().forEach(sync -> queue.retry(sync, "Zendesk job " + job.id() + " " + job.status()));
            return;
        }
        Map<Long, String> failures = new HashMap<>();
        for (int i = 0; i < job.results().size(); i++) {
            JobStatus.Result result = job.results().get(i);
            if (result.failed()) {
                Long user = result.id() != null ? result.id()
                        : result.index() != null && result.index() < order.size() ? order.get(result.index())
                        : i < order.size() ? order.get(i) : null;
                if (user != null) {
                    failures.put(user, result.error() == null ? "Zendesk reported the item failed" : result.error());
                }
            }
        }
        byUser.forEach((user, sync) -> {
            if (failures.containsKey(user)) {
                queue.retry(sync, failures.get(user));
            } else {
                queue.done(sync);
            }
        });
    }

    private static Optional<Long> zendeskUserId(CustomerSnapshot snapshot) {
        String id = snapshot.customer().profile().externalRefs().zendeskUserId();
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
