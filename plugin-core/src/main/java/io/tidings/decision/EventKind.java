package io.tidings.decision;

/** The kind of normalised inbound fact a message is about. */
public enum EventKind {
    TICKET_STATUS_CHANGED, COMMENT_ADDED, BILLING_ISSUE, PLAN_CHANGE, SECURITY_CHANGE, SETTINGS_CHANGE, SUSPENSION,
    INCIDENT_UPDATE
}
