package io.tidings.webhooks.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Passes the entries this replica's intake just stored straight to its inbox worker, so that the
 * worker need not find them in the database again. The intake stores such entries already leased
 * (for {@code tidings.inbox.lease}, ISO-8601, default PT1M, which the worker's claims take too), as
 * a claim would have left them: other workers skip them, and if this replica dies before working
 * them, they are claimed from the database once the lease runs out.
 * <p>
 * The handoff holds at most {@link #CAPACITY} entries; deliveries stored while it is full, or
 * while no worker here takes them, are stored unleased for any worker's claim. An entry held for
 * longer than half the lease is dropped from the handoff (left for a claim when its lease ends)
 * rather than worked so close to the end of its lease that another worker could claim it meanwhile.
 */
@ApplicationScoped
public class InboxHandoff {

    static final int CAPACITY = 5_000;

    private record Handed(InboxEntry entry, Instant handedAt) {
    }

    private final Clock clock;
    private final Duration lease;
    private final Semaphore room = new Semaphore(0);
    private final ConcurrentLinkedQueue<Handed> entries = new ConcurrentLinkedQueue<>();
    private volatile Set<DeliverySource> sources = Set.of();
    private volatile Runnable onHandover = () -> { };

    @Inject
    public InboxHandoff(Clock clock, @ConfigProperty(name = "tidings.inbox.lease", defaultValue = "PT1M") Duration lease) {
        if (!lease.isPositive()) {
            throw new IllegalArgumentException("tidings.inbox.lease must be positive, not " + lease);
        }
        this.clock = clock;
        this.lease = lease;
    }

    /** How long an entry stays with the worker that stored or claimed it before any worker may claim it. */
    public Duration lease() {
        return lease;
    }

    /** From now on, deliveries from these sources are handed over; {@code onHandover} is told each time. */
    public synchronized void open(Collection<DeliverySource> sources, Runnable onHandover) {
        if (!this.sources.isEmpty()) {
            throw new IllegalStateException("the inbox handoff is open already");
        }
        this.onHandover = onHandover;
        this.sources = Set.copyOf(sources);
        room.release(CAPACITY);
    }

    /**
     * Stops handing over; returns the entries still held, which the caller should release so that
     * they need not wait for their lease to end.
     */
    public synchronized List<InboxEntry> close() {
        sources = Set.of();
        room.drainPermits();
        onHandover = () -> { };
        List<InboxEntry> held = new ArrayList<>();
        Handed handed;
        while ((handed = entries.poll()) != null) {
            held.add(handed.entry());
        }
        return held;
    }

    /**
     * Reserves room for these deliveries, all or none: true means they are to be stored leased
     * and then {@linkplain #handOver handed over} (or the reservation {@linkplain #cancel cancelled}).
     */
    public boolean reserve(List<InboundDelivery> deliveries) {
        Set<DeliverySource> served = sources;
        return !served.isEmpty()
                && deliveries.stream().allMatch(delivery -> served.contains(delivery.source()))
                && room.tryAcquire(deliveries.size());
    }

    /** Gives back room reserved for deliveries that were not stored. */
    public void cancel(int reserved) {
        room.release(reserved);
    }

    /** Hands the stored entries over, giving back the room reserved for deliveries that were not new. */
    public void handOver(List<InboxEntry> stored, int reserved) {
        Instant now = clock.instant();
        stored.forEach(entry -> entries.add(new Handed(entry, now)));
        room.release(reserved - stored.size());
        if (!stored.isEmpty()) {
            onHandover.run();
        }
    }

    /** Takes up to {@code max} entries, oldest handed over first. */
    public List<InboxEntry> take(int max) {
        List<InboxEntry> taken = new ArrayList<>();
        Instant freshSince = clock.instant().minus(lease.dividedBy(2));
        int removed = 0;
        Handed handed;
        while (taken.size() < max && (handed = entries.poll()) != null) {
            removed++;
            if (handed.handedAt().isAfter(freshSince)) {
                taken.add(handed.entry());
            }
        }
        room.release(removed);
        return taken;
    }
}
