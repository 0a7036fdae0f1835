package io.tidings.incident;

import java.util.Objects;

/** A status update as its poster writes it; Tidings adds when and who. */
public record StatusUpdate(IncidentStatus status, String message) {

    public StatusUpdate {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}
