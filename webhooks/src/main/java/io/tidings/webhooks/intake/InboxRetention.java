package io.tidings.webhooks.intake;

import io.tidings.webhooks.polling.PollingLoop;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Deletes settled inbox entries once they are older than {@code tidings.inbox.retention}
 * (ISO-8601, default P7D), a batch at a time, every minute from start-up to shutdown. Pending and
 * failed entries stay. An entry is what recognises a redelivery as a duplicate, so the retention
 * must outlast the senders' retries: at least a day, for Salesforce's 24 hours.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Duration SHORTEST = Duration.ofDays(1);
    private static final int BATCH = 1_000;
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final Inbox inbox;
    private final Clock clock;
    private final Duration retention;
    private PollingLoop loop;

    @Inject
    public InboxRetention(Inbox inbox, Clock clock,
                          @ConfigProperty(name = "tidings.inbox.retention", defaultValue = "P7D") String retention) {
        this.inbox = inbox;
        this.clock = clock;
        this.retention = parse(retention);
    }

    private static Duration parse(String retention) {
        Duration parsed;
        try {
            parsed = Duration.parse(retention);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("tidings.inbox.retention must be an ISO-8601 duration such as P7D, not "
                    + retention, e);
        }
        if (parsed.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException("tidings.inbox.retention must be at least P1D (Salesforce redelivers "
                    + "an Outbound Message for 24 hours, and a deleted entry no longer catches the duplicate), not "
                    + retention);
        }
        return parsed;
    }

    /** Deletes one batch of expired entries; returns how many. */
    public int deleteExpired() {
        return inbox.deleteSettledBefore(clock.instant().minus(retention), BATCH);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        loop = PollingLoop.start("tidings-inbox-retention", SWEEP_INTERVAL, this::deleteExpired, BATCH);
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.close();
        }
    }
}
