package io.tidings.webhooks.intake;

/** Where an inbox entry stands. */
public enum InboxStatus {
    /** Stored, waiting for a worker (or claimed by one whose lease has not run out). */
    PENDING,
    /** Normalised and handed to the decision engine. */
    PROCESSED,
    /** An event type or customer Tidings does not act on; kept, not an error. */
    IGNORED,
    /** Older than an event of the same kind about the same subject that was already applied. */
    STALE,
    /** Failed on every attempt; kept for inspection. */
    FAILED
}
