package io.tidings.incident;

import io.tidings.customer.CustomerProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that disrupts service for some customers: an outage, a partial disruption or
 * scheduled maintenance, with whom it affects and its status timeline (oldest update first).
 *
 * @param startsAt   when it begins to affect customers; maintenance may be declared ahead of time
 * @param resolvedAt when it was resolved; null while it is not
 */
public record Incident(UUID id, String title, IncidentKind kind, Severity severity, IncidentScope scope,
                       Instant startsAt, Instant declaredAt, Instant resolvedAt, List<IncidentUpdate> timeline) {

    /** Most severe first, then the longest running. */
    public static final Comparator<Incident> MOST_PRESSING = Comparator.comparing(Incident::severity).reversed()
            .thenComparing(Incident::startsAt).thenComparing(Incident::id);

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(declaredAt, "declaredAt");
        timeline = List.copyOf(timeline);
        if (timeline.isEmpty()) {
            throw new IllegalArgumentException("an incident's timeline starts with its declaration");
        }
    }

    /** The status of the latest update. */
    public IncidentStatus status() {
        return latest().status();
    }

    public IncidentUpdate latest() {
        return timeline.getLast();
    }

    public boolean isResolved() {
        return resolvedAt != null;
    }

    /** Whether it affects its customers at the instant: begun and not resolved. */
    public boolean isActiveAt(Instant at) {
        return !isResolved() && !startsAt.isAfter(at);
    }

    /** Whether it affects the customer at the instant: active then, and the customer is in its scope. */
    public boolean affects(CustomerProfile customer, Instant at) {
        return isActiveAt(at) && scope.covers(customer);
    }

    /** Those of the incidents that affect the customer at the instant, most pressing first. */
    public static List<Incident> affecting(List<Incident> incidents, CustomerProfile customer, Instant at) {
        return incidents.stream()
                .filter(incident -> incident.affects(customer, at))
                .sorted(MOST_PRESSING)
                .toList();
    }

    /** The incident with one more update, resolved when the update says so. */
    public Incident with(IncidentUpdate update) {
        List<IncidentUpdate> longer = new ArrayList<>(timeline);
        longer.add(update);
        Instant resolved = update.status() == IncidentStatus.RESOLVED ? update.at() : null;
        return new Incident(id, title, kind, severity, scope, startsAt, declaredAt, resolved, longer);
    }
}
