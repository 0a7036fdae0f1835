package io.tidings.incident;

import io.tidings.customer.CustomerProfile;
import io.tidings.decision.IncidentState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The unresolved incidents, held in memory so that deciding a message costs no query: the
 * decision path matches them against the customer it has loaded anyway. The snapshot is read
 * again when this replica changes an incident, and when it is older than
 * {@code tidings.incidents.refresh}, for changes other replicas made; one caller re-reads while
 * the others keep using the snapshot they have.
 */
@ApplicationScoped
public class ActiveIncidents {

    private final IncidentStore store;
    private final long refreshNanos;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Snapshot snapshot;

    /** Re-reads every 5 seconds, the configuration's default. */
    public ActiveIncidents(IncidentStore store) {
        this(store, Duration.ofSeconds(5));
    }

    @Inject
    public ActiveIncidents(IncidentStore store,
                           @ConfigProperty(name = "tidings.incidents.refresh", defaultValue = "PT5S") Duration refresh) {
        if (refresh.isNegative()) {
            throw new IllegalArgumentException("tidings.incidents.refresh must not be negative, not " + refresh);
        }
        this.store = store;
        this.refreshNanos = refresh.toNanos();
    }

    /** The incidents affecting the customer at the instant, most pressing first. */
    public List<Incident> affecting(CustomerProfile customer, Instant at) {
        return Incident.affecting(current(), customer, at);
    }

    /** What the decision engine needs to know: whether an incident affects the customer, and which. */
    public IncidentState stateFor(CustomerProfile customer, Instant at) {
        List<Incident> affecting = affecting(customer, at);
        if (affecting.isEmpty()) {
            return IncidentState.none();
        }
        String first = affecting.getFirst().title();
        return IncidentState.active(affecting.size() == 1 ? first : first + " (and " + (affecting.size() - 1) + " more)");
    }

    /** Reads the unresolved incidents again, now. */
    public void refresh() {
        reading.lock();
        try {
            snapshot = new Snapshot(store.unresolved(), System.nanoTime());
        } finally {
            reading.unlock();
        }
    }

    private List<Incident> current() {
        Snapshot held = snapshot;
        if (held == null) {
            refresh();
        } else if (System.nanoTime() - held.readAt() >= refreshNanos && reading.tryLock()) {
            try {
                if (snapshot == held) {
                    snapshot = new Snapshot(store.unresolved(), System.nanoTime());
                }
            } finally {
                reading.unlock();
            }
        }
        return snapshot.unresolved();
    }

    private record Snapshot(List<Incident> unresolved, long readAt) {
    }
}
