package io.tidings.dispatch;

/** Where one channel send stands. */
public enum OutboxStatus {
    /** Waiting for its next attempt. */
    QUEUED,
    /** Claimed by a dispatcher under a lease. */
    SENDING,
    /** Accepted by the provider. */
    SENT,
    /** Retries exhausted. */
    FAILED,
    /** Can never be sent (permanent provider failure, no address, no provider, no template). */
    UNDELIVERABLE,
    /** Decided again when due (a deferred or late send) and not sent: consent, preference, cap or collapse. */
    SUPPRESSED
}
