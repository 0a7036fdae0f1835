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
 * customers per {@code update_many} call, calls sent back to back while customers are due and
 * fewer jobs are out than the follower allows, all outstanding jobs read together; customers
 * whose item failed, whose job failed or was given up on, or whose whole call failed are queued
 * again with backoff. Customers stay leased until their job is settled, so after a restart they
 * are written again (the writes are idempotent). One worker thread owns an instance.
 */
public final class ZendeskUserFieldSync {

    private static final System.Logger LOG = System.getLogger(ZendeskUserFieldSync.class.getName());
    /** How long a job may stay unfinished before its customers are queued again; well inside {@link #LEASE}. */
    public static final Duration JOB_GIVE_UP = Duration.ofMinutes(5);
    /** Longer than a job may stay outstanding before it is given up on, so a live worker keeps its leases. */
    static final Duration LEASE = Duration.ofMinutes(10);

    /** What one {@code update_many} job carries: its users in the request's order, and whose sync each is. */
    private record SentBatch(List<Long> order, Map<Long, ClaimedSync> byUser) {
    }

    private final ZendeskSyncQueue queue;
    private final CustomerSnapshots snapshots;
    private final CategoryPolicies policies;
    private final ZendeskClient client;
    private final JobFollower jobs;
    private final Map<String, SentBatch> sent = new HashMap<>();

    public ZendeskUserFieldSync(ZendeskSyncQueue queue, CustomerSnapshots snapshots, CategoryPolicies policies,
                                ZendeskClient client, JobFollower jobs) {
        if (jobs.giveUpAfter().compareTo(JOB_GIVE_UP) > 0) {
            throw new IllegalArgumentException("jobs must be given up on within " + JOB_GIVE_UP
                    + ", well inside the customers' lease of " + LEASE);
        }
        this.queue = queue;
        this.snapshots = snapshots;
        this.policies = policies;
        this.client = client;
        this.jobs = jobs;
    }

    /**
     * One step: when the follower is full, waits for a read that frees room; sends one batch of due
     * customers; when that batch was not full (nothing more is due), reads the outstanding jobs if
     * a read is due. Answers how many customers it claimed, so a full batch means more may wait.
     */
    public int syncBatch() {
        while (jobs.full()) {
            settle(jobs.awaitRead());
        }
        int claimed = sendBatch();
        if (claimed < ZendeskClient.MAX_USERS_PER_CALL) {
            settle(jobs.readIfDue());
        }
        return claimed;
    }

    /** Reads the outstanding jobs, once per poll interval, until every one is settled. */
    public void settleOutstanding() {
        while (!jobs.idle()) {
            settle(jobs.awaitRead());
        }
    }

    private int sendBatch() {
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
            send(fields, new SentBatch(List.copyOf(fields.keySet()), Map.copyOf(byUser)));
        }
        return claimed.size();
    }

    private void send(Map<Long, Map<String, Object>> fields, SentBatch batch) {
        JobStatus job;
        try {
            job = client.updateManyUsers(fields);
        } catch (ZendeskApiException e) {
            LOG.log(System.Logger.Level.WARNING, "Zendesk user field sync of " + fields.size()
                    + " users failed; they are queued again: " + e.getMessage());
            batch.byUser().values().forEach(sync -> queue.retry(sync, e.getMessage()));
            return;
        }
        jobs.follow(job);
        sent.put(job.id(), batch);
    }

    private void settle(List<JobFollower.Ended> ended) {
        for (JobFollower.Ended end : ended) {
            SentBatch batch = sent.remove(end.job().id());
            if (batch != null) {
                settle(batch, end);
            }
        }
    }

    private void settle(SentBatch batch, JobFollower.Ended end) {
        JobStatus job = end.job();
        if (!job.completed()) {
            String error = "Zendesk job " + job.id() + (end.givenUp() ? " given up on while " : " ") + job.status();
            batch.byUser().values().forEach(sync -> queue.retry(sync, error));
            return;
        }
        List<Long> order = batch.order();
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
        List<ClaimedSync> done = new ArrayList<>();
        batch.byUser().forEach((user, sync) -> {
            if (failures.containsKey(user)) {
                queue.retry(sync, failures.get(user));
            } else {
                done.add(sync);
            }
        });
        queue.doneAll(done);
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
