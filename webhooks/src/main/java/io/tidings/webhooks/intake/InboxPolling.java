package io.tidings.webhooks.intake;

import io.tidings.webhooks.polling.PollingLoop;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;

/**
 * Runs the {@link InboxWorker} in the background from start-up to shutdown, every
 * {@code tidings.inbox.poll-interval} (ISO-8601, default PT1S; PT0S turns the loop off, e.g. for
 * tests that drive the worker themselves) and {@code tidings.inbox.handoff-wait} (default PT0.01S)
 * after the intake hands entries over: what is handed over meanwhile joins the same batch, so at
 * moderate rates a batch's customer lookup and outcome transaction serve many entries instead of
 * one each. While the loop runs the {@link InboxHandoff} is open; at shutdown the entries it still
 * holds are released for the next worker to claim.
 */
@ApplicationScoped
public class InboxPolling {

    private final InboxWorker worker;
    private final InboxHandoff handoff;
    private final Inbox inbox;
    private final Duration interval;
    private final Duration handoffWait;
    private PollingLoop loop;

    @Inject
    public InboxPolling(InboxWorker worker, InboxHandoff handoff, Inbox inbox,
                        @ConfigProperty(name = "tidings.inbox.poll-interval", defaultValue = "PT1S") String interval,
                        @ConfigProperty(name = "tidings.inbox.handoff-wait", defaultValue = "PT0.01S") Duration handoffWait) {
        this.worker = worker;
        this.handoff = handoff;
        this.inbox = inbox;
        this.interval = Duration.parse(interval);
        this.handoffWait = handoffWait;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!interval.isZero()) {
            loop = PollingLoop.start("tidings-inbox", interval, handoffWait, worker::processPending, InboxWorker.BATCH);
            handoff.open(worker.sources(), loop::wake);
        }
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            List<InboxEntry> held = handoff.close();
            loop.close();
            inbox.release(held.stream().map(InboxEntry::id).toList());
        }
    }
}
