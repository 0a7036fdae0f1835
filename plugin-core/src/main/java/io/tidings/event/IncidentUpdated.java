package io.tidings.event;

import io.tidings.incident.Incident;
import io.tidings.incident.IncidentKind;
import io.tidings.incident.IncidentScope;
import io.tidings.incident.IncidentUpdate;
import io.tidings.incident.Severity;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident was declared or got a status update ({@code incident.updated}); resolving it is the
 * update with status RESOLVED.
 *
 * @param sequence the update's position in the incident's timeline (0 for the declaration), which orders them
 * @param update   the update this event reports; its status is the incident's current one
 */
public record IncidentUpdated(UUID incidentId, int sequence, String title, IncidentKind kind, Severity severity,
                              IncidentScope scope, Instant startsAt, Instant resolvedAt, IncidentUpdate update)
        implements DomainEvent {

    public static final String TYPE = "incident.updated";

    /** The event for the incident's latest update. */
    public static IncidentUpdated of(Incident incident) {
        return new IncidentUpdated(incident.id(), incident.timeline().size() - 1, incident.title(), incident.kind(),
                incident.severity(), incident.scope(), incident.startsAt(), incident.resolvedAt(), incident.latest());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
