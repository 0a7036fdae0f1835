package io.tidings.incident;

/** Where the work on an incident stands; {@link #RESOLVED} is final. */
public enum IncidentStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED
}
