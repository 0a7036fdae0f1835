package io.tidings.persistence;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rewrites the sparsely used chunks of an embedded H2 file that stores every commit at once.
 *
 * <p>With {@code WRITE_DELAY=0} (Tidings' default: a commit is on disk when it returns) H2 writes a
 * chunk per commit and stops its background writer, which is the only place it ever rewrites old
 * chunks. Pages still live in a chunk then pin the whole chunk, and the file grows by every commit:
 * about 12 KB per webhook under load (h2database/h2database#442). This does that work instead, in
 * small steps ten times a second that give way to commits: {@link MVStore#compact} and
 * {@link MVStore#tryCommit} only run when the store lock is free.
 */
final class H2Housekeeping implements AutoCloseable {

    /**
     * Chunks less than this share live are rewritten. Each step leaves a chunk of its own that the
     * next one partly outdates, so a higher target keeps rewriting a small, idle file for ever
     * (at 80 % a file settled at 64 % and every step still wrote); at half, the file stays within
     * about twice its live data and housekeeping stops when there is nothing to gain.
     */
    static final int TARGET_FILL_PERCENT = 50;
    /**
     * Live pages moved per step. A step holds the store lock while it finds and moves them, so
     * commits wait that long: under webhook load a 4 MB step took 41 ms (median), a 1 MB step 11 ms
     * and this one 7 ms, most of it finding the pages.
     */
    private static final int BYTES_PER_STEP = 256 << 10;
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final System.Logger LOG = System.getLogger(H2Housekeeping.class.getName());

    private final MVStore store;
    private final ScheduledExecutorService scheduler;

    private H2Housekeeping(MVStore store) {
        this.store = store;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("h2-housekeeping").factory());
    }

    /** Starts housekeeping when the pool is on an embedded H2 file without H2's own background writer. */
    static Optional<H2Housekeeping> startIfNeeded(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                    || !session.getDatabase().isPersistent()) {
                return Optional.empty();
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            if (store.getAutoCommitDelay() > 0) {
                return Optional.empty();
            }
            H2Housekeeping housekeeping = new H2Housekeeping(store);
            housekeeping.scheduler.scheduleWithFixedDelay(housekeeping::step,
                    INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(housekeeping);
        }
    }

    /** Moves the live pages of the sparsest chunks, when no commit holds the store, and stores them. */
    void step() {
        try {
            if (!store.isClosed() && store.compact(TARGET_FILL_PERCENT, BYTES_PER_STEP)) {
                // The moved pages reach the file, and the chunks they left are freed, only with a store.
                store.tryCommit();
            }
        } catch (RuntimeException e) {
            if (!store.isClosed()) {
                LOG.log(System.Logger.Level.WARNING, "H2 housekeeping step failed; the next one retries", e);
            }
        }
    }

    @Override
    public void close() {
        // Not shutdownNow: an interrupt during file I/O closes H2's file channel, and with it the store.
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
