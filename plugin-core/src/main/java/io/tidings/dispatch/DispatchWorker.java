package io.tidings.dispatch;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the dispatcher on {@code tidings.dispatch.threads} threads while the server runs; each
 * drains full batches at once and then waits a poll interval. The threads claim their batches
 * from the outbox under leases like separate replicas, so no send goes to two of them.
 */
@ApplicationScoped
class DispatchWorker {

    private static final Logger LOG = Logger.getLogger(DispatchWorker.class.getName());

    private final Dispatcher dispatcher;
    private final boolean enabled;
    private final Duration pollInterval;
    private final int threads;
    private ScheduledExecutorService scheduler;

    @Inject
    DispatchWorker(Dispatcher dispatcher,
                   @ConfigProperty(name = "tidings.dispatch.enabled", defaultValue = "true") boolean enabled,
                   @ConfigProperty(name = "tidings.dispatch.poll-interval", defaultValue = "PT1S") Duration pollInterval,
                   @ConfigProperty(name = "tidings.dispatch.threads", defaultValue = "2") int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("tidings.dispatch.threads must be at least 1, not " + threads);
        }
        this.dispatcher = dispatcher;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.threads = threads;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!enabled) {
            return;
        }
        scheduler = Executors.newScheduledThreadPool(threads, Thread.ofPlatform().name("tidings-dispatch-", 1)
                .daemon(true).factory());
        for (int i = 0; i < threads; i++) {
            scheduler.scheduleWithFixedDelay(this::drain, pollInterval.toMillis(), pollInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void drain() {
        try {
            dispatcher.drain();
        } catch (RuntimeException e) {
            // Thrown out of a scheduled task, it would silently stop all later runs.
            LOG.log(Level.SEVERE, "dispatching the outbox failed; trying again at the next poll", e);
        }
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
