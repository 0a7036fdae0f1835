package io.tidings.zendesk.sync;

import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.UUID;

/**
 * Writes every customer with a Zendesk user to their fields: queues them page by page (the last
 * queued customer is stored, so a stopped backfill resumes after it), then drains the queue
 * through the field sync. The queue is durable, so what is queued is written even if the
 * backfill stops before it drains.
 */
public final class ZendeskBackfill {

    static final String POSITION = "zendesk-backfill";
    private static final int PAGE = 500;

    /** Told how far the backfill is. */
    public interface Progress {
        void queued(long done, long total);

        void synced(long done, long total);
    }

    private final Jdbi jdbi;
    private final ZendeskSyncQueue queue;
    private final SyncPositions positions;
    private final ZendeskUserFieldSync sync;

    public ZendeskBackfill(Jdbi jdbi, ZendeskSyncQueue queue, SyncPositions positions, ZendeskUserFieldSync sync) {
        this.jdbi = jdbi;
        this.queue = queue;
        this.positions = positions;
        this.sync = sync;
    }

    /** Queues the customers not queued yet, then syncs until nothing due is left; answers how many wait for a retry. */
    public long run(Progress progress) {
        long total = jdbi.withHandle(handle -> handle.createQuery("select count(*) from customer "
                + "where erased_at is null and zendesk_user_id is not null").mapTo(Long.class).one());
        UUID after = positions.get(POSITION).map(UUID::fromString).orElse(null);
        long queued = after == null ? 0 : countUpTo(after);
        progress.queued(queued, total);
        for (List<UUID> page = page(after); !page.isEmpty(); page = page(after)) {
            queue.requestAll(page);
            after = page.getLast();
            positions.put(POSITION, after.toString());
            queued += page.size();
            progress.queued(queued, total);
        }
        long toSync = queue.pending();
        long synced = 0;
        progress.synced(synced, toSync);
        for (int claimed = sync.syncBatch(); claimed > 0; claimed = sync.syncBatch()) {
            synced += claimed;
            progress.synced(Math.min(synced, toSync), toSync);
        }
        sync.settleOutstanding();
        positions.clear(POSITION);
        return queue.pending();
    }

    private List<UUID> page(UUID after) {
        return jdbi.withHandle(handle -> handle.createQuery("select id from customer where erased_at is null "
                        + "and zendesk_user_id is not null" + (after == null ? "" : " and id > :after")
                        + " order by id limit " + PAGE)
                .bind("after", after).mapTo(UUID.class).list());
    }

    private long countUpTo(UUID last) {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from customer where erased_at is null "
                + "and zendesk_user_id is not null and id <= :last").bind("last", last).mapTo(Long.class).one());
    }
}
