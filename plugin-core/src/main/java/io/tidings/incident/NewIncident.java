package io.tidings.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * An incident as its declarer describes it, before Tidings stores it.
 *
 * @param startsAt when it begins to affect customers, or null for "when declared"
 * @param status   the first status; never RESOLVED
 */
public record NewIncident(String title, IncidentKind kind, Severity severity, IncidentScope scope, Instant startsAt,
                          IncidentStatus status, String message) {

    public NewIncident {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        scope = Objects.requireNonNullElse(scope, IncidentScope.EVERYONE);
        status = Objects.requireNonNullElse(status, IncidentStatus.INVESTIGATING);
        Objects.requireNonNull(message, "message");
        if (status == IncidentStatus.RESOLVED) {
            throw new IllegalArgumentException("an incident is declared unresolved");
        }
    }
}
