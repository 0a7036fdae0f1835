package io.tidings.webhooks.intake;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stores accepted deliveries in the inbox with group commit: one writer thread takes whatever
 * deliveries are waiting, up to {@value #MAX_GROUP}, and stores them in one transaction, so many
 * concurrent senders share one commit instead of each paying for its own. A sender is answered
 * only once the transaction holding its delivery has committed.
 * <p>
 * After the first delivery of a group, the writer goes on gathering for up to
 * {@code tidings.inbox.group-wait} (ISO-8601, default PT0.002S): a commit costs the database far
 * more than a row, so a slightly later, larger commit serves busy senders sooner overall.
 */
@ApplicationScoped
public class InboxWriter {

    private static final System.Logger LOG = System.getLogger(InboxWriter.class.getName());
    static final int MAX_GROUP = 500;

    private record Pending(InboundDelivery delivery, CompletableFuture<Boolean> stored) {
    }

    private final Inbox inbox;
    private final long groupWaitNanos;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private Thread writer;

    @Inject
    public InboxWriter(Inbox inbox,
                       @ConfigProperty(name = "tidings.inbox.group-wait", defaultValue = "PT0.002S") Duration groupWait) {
        this.inbox = inbox;
        this.groupWaitNanos = groupWait.toNanos();
    }

    @PostConstruct
    void start() {
        writer = Thread.ofPlatform().name("tidings-inbox-writer").daemon().start(this::writeGroups);
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
        while (!Thread.currentThread().isInterrupted()) {
            try {
                group.add(waiting.take());
                gather(group);
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

    /** Adds what arrives until the group is full or the group wait after its first delivery is over. */
    private void gather(List<Pending> group) throws InterruptedException {
        long deadline = System.nanoTime() + groupWaitNanos;
        waiting.drainTo(group, MAX_GROUP - group.size());
        while (group.size() < MAX_GROUP) {
            Pending next = waiting.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            group.add(next);
            waiting.drainTo(group, MAX_GROUP - group.size());
        }
    }

    /** One transaction for the group; if it fails, one per delivery, so a delivery the database refuses fails alone. */
    private void write(List<Pending> group) {
        try {
            boolean[] stored = inbox.storeEach(group.stream().map(Pending::delivery).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).stored().complete(stored[i]);
            }
        } catch (RuntimeException e) {
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
        writer.interrupt();
    }
}
