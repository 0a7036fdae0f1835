package io.tidings.webhooks.polling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * One background thread that runs a batch of work at a fixed delay, and again at once while
 * batches come back full, or when {@linkplain #wake() woken} (at once, or after a wake delay that
 * lets more work gather into the batch). A failing batch is logged and retried on the next tick.
 */
public final class PollingLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PollingLoop.class.getName());

    private final ScheduledExecutorService executor;
    private final Runnable drain;
    private final long wakeDelayNanos;
    private final AtomicBoolean woken = new AtomicBoolean();

    private PollingLoop(String name, Duration interval, Duration wakeDelay, IntSupplier batch, int batchSize) {
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform().name(name).daemon()
                .unstarted(task));
        this.drain = () -> drain(name, batch, batchSize);
        this.wakeDelayNanos = wakeDelay.toNanos();
        executor.scheduleWithFixedDelay(drain, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * @param batch     does one batch of work and returns how many items it took
     * @param batchSize the most items one batch takes
     */
    public static PollingLoop start(String name, Duration interval, IntSupplier batch, int batchSize) {
        return start(name, interval, Duration.ZERO, batch, batchSize);
    }

    /**
     * @param wakeDelay how long a {@linkplain #wake() wake} waits before the work runs; wakes in
     *                  the meantime are one, so what they announce is worked as one batch
     */
    public static PollingLoop start(String name, Duration interval, Duration wakeDelay, IntSupplier batch,
                                    int batchSize) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a polling interval must be positive");
        }
        if (wakeDelay.isNegative()) {
            throw new IllegalArgumentException("a wake delay cannot be negative");
        }
        return new PollingLoop(name, interval, wakeDelay, batch, batchSize);
    }

    private static void drain(String name, IntSupplier batch, int batchSize) {
        try {
            while (batch.getAsInt() >= batchSize) {
                // a full batch: there may be more waiting
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, name + " failed; trying again on the next tick", e);
        }
    }

    /**
     * Runs the work once the wake delay has passed and the thread is free, instead of at the next
     * tick. Wakes that arrive before that run starts are one.
     */
    public void wake() {
        if (woken.compareAndSet(false, true)) {
            try {
                executor.schedule(() -> {
                    woken.set(false);
                    drain.run();
                }, wakeDelayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                woken.set(false);
            }
        }
    }

    /** Stops the loop, letting a running batch finish. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
