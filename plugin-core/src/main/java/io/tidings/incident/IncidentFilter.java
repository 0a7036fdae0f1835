package io.tidings.incident;

/** Which incidents a list shows, judged at an instant. */
public enum IncidentFilter {
    /** Begun and not resolved: affecting customers now. */
    ACTIVE,
    /** Declared ahead of its start (scheduled maintenance) and not resolved. */
    UPCOMING,
    RESOLVED,
    ALL
}
