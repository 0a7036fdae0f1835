package io.tidings.decision;

import java.util.Objects;

/**
 * Whether an incident affecting the customer is active, and its one-line summary.
 *
 * @param active  true while an incident affects the customer
 * @param summary what the incident is, e.g. "EU payments outage"; empty when none is active
 */
public record IncidentState(boolean active, String summary) {

    private static final IncidentState NONE = new IncidentState(false, "");

    public IncidentState {
        Objects.requireNonNull(summary, "summary must not be null");
        if (active && summary.isBlank()) {
            throw new IllegalArgumentException("an active incident needs a summary");
        }
    }

    /** No incident affects the customer. */
    public static IncidentState none() {
        return NONE;
    }

    /** An active incident with the given summary. */
    public static IncidentState active(String summary) {
        return new IncidentState(true, summary);
    }
}
