package io.tidings.webhooks.outbound;

import io.tidings.webhooks.polling.PollingLoop;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Runs the {@link WebhookDispatcher} in the background from start-up to shutdown, every
 * {@code tidings.webhooks.dispatch-interval} (ISO-8601, default PT1S; PT0S turns it off).
 */
@ApplicationScoped
public class WebhookDispatching {

    private final WebhookDispatcher dispatcher;
    private final Duration interval;
    private PollingLoop loop;

    @Inject
    public WebhookDispatching(WebhookDispatcher dispatcher,
                              @ConfigProperty(name = "tidings.webhooks.dispatch-interval", defaultValue = "PT1S")
                              String interval) {
        this.dispatcher = dispatcher;
        this.interval = Duration.parse(interval);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!interval.isZero()) {
            loop = PollingLoop.start("tidings-webhook-dispatch", interval, dispatcher::dispatchDue, WebhookDispatcher.BATCH);
        }
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.close();
        }
    }
}
