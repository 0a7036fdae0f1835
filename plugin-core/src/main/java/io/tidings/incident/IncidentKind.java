package io.tidings.incident;

/** What sort of incident it is: planned work, or something that broke wholly or in part. */
public enum IncidentKind {
    SCHEDULED_MAINTENANCE, UNPLANNED_OUTAGE, PARTIAL_DISRUPTION
}
