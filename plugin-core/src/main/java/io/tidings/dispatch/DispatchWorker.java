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

/** Runs the dispatcher every poll interval while the server runs, draining full batches at once. */
@ApplicationScoped
class DispatchWorker {

    private static final Logger LOG = Logger.getLogger(DispatchWorker.class.getName());

    private final Dispatcher dispatcher;
    private final DispatchSettings settings;
    private final boolean enabled;
    private final Duration pollInterval;
    private ScheduledExecutorService scheduler;

    @Inject
    DispatchWorker(Dispatcher dispatcher, DispatchSettings settings,
                   @ConfigProperty(name = "tidings.dispatch.enabled", defaultValue = "true") boolean enabled,
                   @ConfigProperty(name = "tidings.dispatch.poll-interval", defaultValue = "PT1S") Duration pollInterval) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!enabled) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("tidings-dispatch")
                .daemon(true).factory());
        scheduler.scheduleWithFixedDelay(this::drain, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void drain() {
        try {
            boolean fullBatch;
            do {
                fullBatch = dispatcher.dispatchDue() == settings.batchSize();
            } while (fullBatch);
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
