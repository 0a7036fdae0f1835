package io.tidings.webhooks.intake;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stores accepted deliveries in the inbox with group commit: writer threads take whatever
 * deliveries are waiting, up to {@value #MAX_GROUP}, and store them in one transaction, so many
 * concurrent senders share one commit instead of each paying for its own. A sender is answered
 * only once the transaction holding its delivery has committed.
 * <p>
 * By default a writer that is free writes whatever is waiting at once: the groups form by
 * themselves from what arrives while the writers are busy, so they grow with the load and a
 * delivery at a quiet moment waits for nobody. {@code tidings.inbox.writers} (default 2) writers
 * work side by side: while one waits for its commit, the next gathers and writes. A positive
 * {@code tidings.inbox.commit-interval} (ISO-8601, default PT0S) makes each writer start a
 * transaction at most once per interval, deliveries arriving sooner joining its next group: fewer
 * commits at moderate rates, for a database where a commit costs far more than a row, at the
 * price of latency (up to the interval) and, under closed-loop load, throughput.
 */
@ApplicationScoped
public class InboxWriter {

    private static final System.Logger LOG = System.getLogger(InboxWriter.class.getName());
    static final int MAX_GROUP = 500;

    private record Pending(InboundDelivery delivery, CompletableFuture<Boolean> stored) {
    }

    private final Inbox inbox;
    private final InboxHandoff handoff;
    private final long commitIntervalNanos;
    private final int writerCount;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();

    @Inject
    public InboxWriter(Inbox inbox, InboxHandoff handoff,
                       @ConfigProperty(name = "tidings.inbox.commit-interval", defaultValue = "PT0S") Duration commitInterval,
                       @ConfigProperty(name = "tidings.inbox.writers", defaultValue = "2") int writers) {
        if (writers < 1) {
            throw new IllegalArgumentException("tidings.inbox.writers must be at least 1, not " + writers);
        }
        this.inbox = inbox;
        this.handoff = handoff;
        this.commitIntervalNanos = commitInterval.toNanos();
        this.writerCount = writers;
    }

    @PostConstruct
    void start() {
        for (int i = 1; i <= writerCount; i++) {
            writers.add(Thread.ofPlatform().name("tidings-inbox-writer-" + i).daemon().start(this::writeGroups));
        }
    }

    /**
     * Stores the deliveries, skipping any the inbox already holds; returns how many were new once
     * they are committed. Throws what the database threw when their transaction failed.
     */
    public int store(List<InboundDelivery> deliveries) {
        List<CompletableFuture<Boolean>> results = new ArrayList<>(deliveries.size());
        for (InboundDelivery delivery : deliveries) {
            CompletableFuture<Boolean> stored = new CompletableFuture<>();
            waiting.add(new Pending(delivery, stored));
            results.add(stored);
        }
        int stored = 0;
        try {
            for (CompletableFuture<Boolean> result : results) {
                stored += result.join() ? 1 : 0;
            }
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return stored;
    }

    private void writeGroups() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        long lastWriteStarted = System.nanoTime() - commitIntervalNanos;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                group.add(waiting.take());
                gather(group, lastWriteStarted + commitIntervalNanos);
                lastWriteStarted = System.nanoTime();
            } catch (InterruptedException e) {
                group.forEach(waiting::add);
                break;
            }
            try {
                write(group);
            } catch (Error e) {
                // Answer the senders rather than leave them waiting for a writer that is gone.
                group.forEach(pending -> pending.stored().completeExceptionally(e));
                throw e;
            }
            group.clear();
        }
        refuseWaiting();
    }

    /** Adds what is waiting, and then what arrives until the group is full or it is time to write. */
    private void gather(List<Pending> group, long writeAt) throws InterruptedException {
        waiting.drainTo(group, MAX_GROUP - group.size());
        while (group.size() < MAX_GROUP) {
            Pending next = waiting.poll(writeAt - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            group.add(next);
            waiting.drainTo(group, MAX_GROUP - group.size());
        }
    }

    /**
     * One transaction for the group, handed over to this replica's worker when the handoff has
     * room for all of it; if the transaction fails, one per delivery, so a delivery the database
     * refuses fails alone.
     */
    private void write(List<Pending> group) {
        List<InboundDelivery> deliveries = group.stream().map(Pending::delivery).toList();
        boolean handingOver = handoff.reserve(deliveries);
        try {
            List<Optional<InboxEntry>> stored = inbox.storeEach(deliveries,
                    handingOver ? handoff.lease() : Duration.ZERO);
            // Handed over before the senders hear back: once store returns, its entries are with the worker.
            if (handingOver) {
                handoff.handOver(stored.stream().flatMap(Optional::stream).toList(), deliveries.size());
            }
            for (int i = 0; i < group.size(); i++) {
                group.get(i).stored().complete(stored.get(i).isPresent());
            }
        } catch (RuntimeException e) {
            if (handingOver) {
                handoff.cancel(deliveries.size());
            }
            if (group.size() == 1) {
                LOG.log(System.Logger.Level.WARNING, "storing a webhook delivery failed: " + e);
                group.getFirst().stored().completeExceptionally(e);
            } else {
                group.forEach(pending -> write(List.of(pending)));
            }
        }
    }

    private void refuseWaiting() {
        IllegalStateException stopped = new IllegalStateException("the server is stopping; the delivery was not stored");
        Pending pending;
        while ((pending = waiting.poll()) != null) {
            pending.stored().completeExceptionally(stopped);
        }
    }

    @PreDestroy
    void stop() {
        writers.forEach(Thread::interrupt);
    }
}
