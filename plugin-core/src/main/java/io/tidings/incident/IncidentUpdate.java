package io.tidings.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an incident's status timeline.
 *
 * @param by the name of the API key that posted it
 */
public record IncidentUpdate(IncidentStatus status, String message, Instant at, String by) {

    public IncidentUpdate {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
