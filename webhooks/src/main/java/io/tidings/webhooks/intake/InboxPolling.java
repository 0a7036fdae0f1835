package io.tidings.webhooks.intake;

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

/**
 * Runs the {@link InboxWorker} on one background thread from start-up to shutdown, every
 * {@code tidings.inbox.poll-interval} (ISO-8601, default PT1S; PT0S turns the loop off, e.g. for
 * tests that drive the worker themselves).
 */
@ApplicationScoped
public class InboxPolling {

    private static final System.Logger LOG = System.getLogger(InboxPolling.class.getName());

    private final InboxWorker worker;
    private final Duration interval;
    private ScheduledExecutorService executor;

    @Inject
    public InboxPolling(InboxWorker worker,
                        @ConfigProperty(name = "tidings.inbox.poll-interval", defaultValue = "PT1S") String interval) {
        this.worker = worker;
        this.interval = Duration.parse(interval);
        if (this.interval.isNegative()) {
            throw new IllegalArgumentException("tidings.inbox.poll-interval must not be negative");
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (interval.isZero()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform().name("tidings-inbox").daemon()
                .unstarted(task));
        executor.scheduleWithFixedDelay(this::drain, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void drain() {
        try {
            while (worker.processPending() == InboxWorker.BATCH) {
                // a full batch: there may be more waiting
            }
        } catch (RuntimeException e) {
            // A failing database must not end the loop; the next tick tries again.
            LOG.log(System.Logger.Level.WARNING, "Inbox polling failed", e);
        }
    }
}
