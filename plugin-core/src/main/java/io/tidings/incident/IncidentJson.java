package io.tidings.incident;

import io.tidings.api.model.IncidentSeverity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;

/** Incidents as the API shows them. */
public final class IncidentJson {

    private IncidentJson() {
    }

    /** The incident; {@code affectedCustomers} is null where it was not counted (lists). */
    public static io.tidings.api.model.Incident toApi(Incident incident, Long affectedCustomers) {
        return new io.tidings.api.model.Incident()
                .id(incident.id())
                .title(incident.title())
                .kind(io.tidings.api.model.IncidentKind.valueOf(incident.kind().name()))
                .severity(IncidentSeverity.valueOf(incident.severity().name()))
                .scope(new io.tidings.api.model.IncidentScope()
                        .services(new LinkedHashSet<>(incident.scope().services()))
                        .regions(new LinkedHashSet<>(incident.scope().regions()))
                        .segments(new LinkedHashSet<>(incident.scope().segments())))
                .status(status(incident.status()))
                .startsAt(utc(incident.startsAt()))
                .declaredAt(utc(incident.declaredAt()))
                .resolvedAt(utc(incident.resolvedAt()))
                .timeline(incident.timeline().stream().map(update -> new io.tidings.api.model.IncidentUpdate()
                        .status(status(update.status()))
                        .message(update.message())
                        .at(utc(update.at()))
                        .by(update.by())).toList())
                .affectedCustomers(affectedCustomers);
    }

    private static io.tidings.api.model.IncidentStatus status(IncidentStatus status) {
        return io.tidings.api.model.IncidentStatus.valueOf(status.name());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
