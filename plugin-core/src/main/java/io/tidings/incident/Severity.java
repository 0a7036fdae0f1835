package io.tidings.incident;

/** How badly an incident hurts the customers it affects, least first. */
public enum Severity {
    MINOR, MAJOR, CRITICAL
}
