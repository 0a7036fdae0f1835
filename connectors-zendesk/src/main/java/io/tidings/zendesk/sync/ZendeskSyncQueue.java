package io.tidings.zendesk.sync;

import io.tidings.persistence.DatabaseTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The durable queue of customers whose Zendesk user fields must be written: one row per customer
 * however often they change, claimed by workers under leases ({@code FOR UPDATE SKIP LOCKED}) so
 * that replicas never write the same customer at once.
 */
@ApplicationScoped
public class ZendeskSyncQueue {

    private static final String DUE_AND_FREE = "next_attempt_at <= :now and (lease_until is null or lease_until <= :now)";
    /** The first due customers no worker leases, in the index's order, read without locks. */
    private static final String FIRST_DUE = "select customer_id from zendesk_user_sync where " + DUE_AND_FREE
            + " order by next_attempt_at, customer_id limit :limit";
    /** Those of them still due and free that no other worker holds, locked. */
    private static final String LOCK_DUE = "select customer_id, version, attempts from zendesk_user_sync "
            + "where customer_id in (<ids>) and " + DUE_AND_FREE + " for update skip locked";
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LAST_RETRY = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final Clock clock;

    @Inject
    public ZendeskSyncQueue(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Queues the customer's fields to be written as soon as a worker gets to them. */
    public void request(UUID customerId) {
        jdbi.useTransaction(handle -> request(handle, customerId, DatabaseTime.now(clock)));
    }

    /** Queues many customers in one transaction (the backfill). */
    public void requestAll(List<UUID> customerIds) {
        Instant now = DatabaseTime.now(clock);
        jdbi.useTransaction(handle -> customerIds.forEach(id -> request(handle, id, now)));
    }

    /** Queues the customer in the caller's transaction. */
    void request(Handle handle, UUID customerId, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int raised = handle.createUpdate("update zendesk_user_sync set version = version + 1, attempts = 0, "
                        + "next_attempt_at = :at, last_error = null, requested_at = :at where customer_id = :id")
                .bind("id", customerId).bind("at", at).execute();
        if (raised == 0) {
            handle.createUpdate("insert into zendesk_user_sync (customer_id, version, attempts, next_attempt_at, "
                            + "requested_at) select :id, 1, 0, :at, :at "
                            + "where not exists (select 1 from zendesk_user_sync where customer_id = :id)")
                    .bind("id", customerId).bind("at", at).execute();
        }
    }

    /**
     * Claims up to {@code limit} due customers for {@code lease}, oldest due first. The first due
     * customers are picked without locks, then locked, skipping those another worker holds (it is
     * leasing them), and picked again past those until the limit is reached or none are left. One
     * query that orders, limits and locks would be shorter, but H2 then neither stops at the limit
     * nor uses the index's order: it sorts and locks every due row, about 300 ms a claim with
     * 72,000 queued, longer than a request slot at 200 requests a minute.
     */
    public List<ClaimedSync> claim(int limit, Duration lease) {
        OffsetDateTime now = DatabaseTime.now(clock).atOffset(ZoneOffset.UTC);
        OffsetDateTime until = now.plus(lease);
        UUID token = UUID.randomUUID();
        return jdbi.inTransaction(handle -> {
            List<ClaimedSync> claimed = new ArrayList<>();
            Set<UUID> heldByOthers = new HashSet<>();
            while (claimed.size() < limit) {
                int wanted = limit - claimed.size();
                List<UUID> first = handle.createQuery(FIRST_DUE).bind("now", now)
                        .bind("limit", wanted + heldByOthers.size()).mapTo(UUID.class).list();
                boolean allDuePicked = first.size() < wanted + heldByOthers.size();
                first = first.stream().filter(id -> !heldByOthers.contains(id)).toList();
                if (first.isEmpty()) {
                    break;
                }
                Map<UUID, ClaimedSync> locked = new HashMap<>();
                handle.createQuery(LOCK_DUE).bindList("ids", first).bind("now", now)
                        .map((rs, ctx) -> new ClaimedSync(rs.getObject("customer_id", UUID.class), rs.getLong("version"),
                                rs.getInt("attempts"), token))
                        .forEach(sync -> locked.put(sync.customerId(), sync));
                if (!locked.isEmpty()) {
                    handle.createUpdate("update zendesk_user_sync set lease_token = :token, lease_until = :until "
                                    + "where customer_id in (<ids>)")
                            .bind("token", token).bind("until", until).bindList("ids", List.copyOf(locked.keySet()))
                            .execute();
                }
                for (UUID id : first) {
                    if (locked.containsKey(id)) {
                        claimed.add(locked.get(id));
                    } else {
                        heldByOthers.add(id);
                    }
                }
                if (allDuePicked) {
                    break;
                }
            }
            return claimed;
        });
    }

    /**
     * The customer's fields are written as they stood when claimed: the row goes, unless they
     * changed meanwhile, in which case it is released for another round at once.
     */
    public void done(ClaimedSync sync) {
        doneAll(List.of(sync));
    }

    /** {@link #done(ClaimedSync)} for every customer of a batch, in one transaction. */
    public void doneAll(List<ClaimedSync> syncs) {
        if (syncs.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            PreparedBatch delete = handle.prepareBatch("delete from zendesk_user_sync where customer_id = :id "
                    + "and version = :version and lease_token = :token");
            syncs.forEach(sync -> delete.bind("id", sync.customerId()).bind("version", sync.version())
                    .bind("token", sync.leaseToken()).add());
            int[] deleted = delete.execute();
            for (int i = 0; i < deleted.length; i++) {
                if (deleted[i] == 0) {
                    release(handle, syncs.get(i));
                }
            }
        });
    }

    /** The write failed: try again later, each time waiting twice as long (30 s up to an hour). */
    public void retry(ClaimedSync sync, String error) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(sync.attempts(), 7));
        Instant at = DatabaseTime.now(clock).plus(wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait);
        String message = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbi.useTransaction(handle -> handle.createUpdate("update zendesk_user_sync set attempts = attempts + 1, "
                        + "next_attempt_at = :at, last_error = :error, lease_token = null, lease_until = null "
                        + "where customer_id = :id and lease_token = :token")
                .bind("at", at.atOffset(ZoneOffset.UTC)).bind("error", message)
                .bind("id", sync.customerId()).bind("token", sync.leaseToken()).execute());
    }

    private static void release(Handle handle, ClaimedSync sync) {
        handle.createUpdate("update zendesk_user_sync set lease_token = null, lease_until = null "
                        + "where customer_id = :id and lease_token = :token")
                .bind("id", sync.customerId()).bind("token", sync.leaseToken()).execute();
    }

    /** How many customers wait for a sync (due or not). */
    public long pending() {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from zendesk_user_sync")
                .mapTo(Long.class).one());
    }

    /** The last error of the customer's queued sync, or null. */
    public String lastError(UUID customerId) {
        return jdbi.withHandle(handle -> handle.createQuery("select last_error from zendesk_user_sync "
                + "where customer_id = :id").bind("id", customerId).mapTo(String.class).findOne().orElse(null));
    }
}
