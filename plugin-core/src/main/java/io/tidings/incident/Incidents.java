package io.tidings.incident;

import io.tidings.customer.Customer;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.error.ConflictException;
import io.tidings.error.FieldViolation;
import io.tidings.error.ResourceNotFoundException;
import io.tidings.event.DomainEvents;
import io.tidings.event.IncidentUpdated;
import io.tidings.persistence.DatabaseTime;
import io.tidings.persistence.UuidV7;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Declares incidents and posts their status updates; resolving is the update with status
 * RESOLVED, after which the incident takes no more. Each change publishes {@code incident.updated}
 * in its own transaction and refreshes this replica's {@link ActiveIncidents}.
 */
@ApplicationScoped
public class Incidents {

    private final IncidentStore store;
    private final CustomerStore customers;
    private final ActiveIncidents active;
    private final DomainEvents events;
    private final Clock clock;

    @Inject
    public Incidents(IncidentStore store, CustomerStore customers, ActiveIncidents active, DomainEvents events,
                     Clock clock) {
        this.store = store;
        this.customers = customers;
        this.active = active;
        this.events = events;
        this.clock = clock;
    }

    /** Stores the incident with its first update, posted by {@code by}. */
    public Incident declare(NewIncident declared, String by) {
        Instant now = DatabaseTime.now(clock);
        Incident incident = new Incident(UuidV7.next(clock), declared.title(), declared.kind(), declared.severity(),
                declared.scope(), Objects.requireNonNullElse(DatabaseTime.stored(declared.startsAt()), now), now, null,
                List.of(new IncidentUpdate(declared.status(), declared.message(), now, by)));
        store.inTransaction(handle -> {
            store.insert(handle, incident);
            events.publish(handle, IncidentUpdated.of(incident));
            return incident;
        });
        active.refresh();
        return incident;
    }

    /** Adds a status update, posted by {@code by}; refused (409) once the incident is resolved. */
    public Incident update(UUID id, StatusUpdate update, String by) {
        Incident updated = store.inTransaction(handle -> {
            Incident stored = store.lock(handle, id).orElseThrow(() -> notFound(id));
            if (stored.isResolved()) {
                throw new ConflictException("Incident " + id + " was resolved at " + stored.resolvedAt()
                        + " and takes no more updates; declare a new one if it came back.",
                        List.of(new FieldViolation("/status", "the incident is resolved")));
            }
            Incident next = stored.with(new IncidentUpdate(update.status(), update.message(), DatabaseTime.now(clock), by));
            store.appendLatest(handle, next);
            events.publish(handle, IncidentUpdated.of(next));
            return next;
        });
        active.refresh();
        return updated;
    }

    public Incident get(UUID id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    public List<Incident> list(IncidentFilter filter, int limit) {
        return store.list(filter, clock.instant(), limit);
    }

    /** How many customers the incident covers (the "what-if" count of an outage notice). */
    public long affectedCustomers(Incident incident) {
        return store.countCovered(incident.scope());
    }

    /**
     * The incidents affecting the customer now, most pressing first, read from the database (unlike
     * the decision path's snapshot, which may lag other replicas by its refresh interval).
     */
    public List<Incident> affecting(UUID customerId) {
        Customer customer = customers.find(customerId).orElseThrow(() -> Customers.notFound(customerId));
        return Incident.affecting(store.unresolved(), customer.profile(), clock.instant());
    }

    private static ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException("No incident " + id + ".");
    }
}
