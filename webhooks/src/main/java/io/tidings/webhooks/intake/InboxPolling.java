package io.tidings.webhooks.intake;

import io.tidings.webhooks.polling.PollingLoop;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Runs the {@link InboxWorker} in the background from start-up to shutdown, every
 * {@code tidings.inbox.poll-interval} (ISO-8601, default PT1S; PT0S turns the loop off, e.g. for
 * tests that drive the worker themselves).
 */
@ApplicationScoped
public class InboxPolling {

    private final InboxWorker worker;
    private final Duration interval;
    private PollingLoop loop;

    @Inject
    public InboxPolling(InboxWorker worker,
                        @ConfigProperty(name = "tidings.inbox.poll-interval", defaultValue = "PT1S") String interval) {
        this.worker = worker;
        this.interval = Duration.parse(interval);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!interval.isZero()) {
            loop = PollingLoop.start("tidings-inbox", interval, worker::processPending, InboxWorker.BATCH);
        }
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.close();
            worker.recordHeldOutcomes();
        }
    }
}
