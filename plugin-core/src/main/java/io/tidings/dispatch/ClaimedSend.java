package io.tidings.dispatch;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An outbox row a dispatcher holds under a lease until it records the outcome.
 *
 * @param id         the outbox row
 * @param entry      what to send
 * @param attempt    this attempt's number, from 1
 * @param leaseToken proves the lease is still this dispatcher's when the outcome is recorded
 * @param resumed    true when an earlier attempt was claimed but never finished (a crash), so
 *                   the provider may already have the message
 * @param queuedAt   when the send was put in the outbox
 */
public record ClaimedSend(UUID id, OutboxEntry entry, int attempt, UUID leaseToken, boolean resumed, Instant queuedAt) {

    public ClaimedSend {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(leaseToken, "leaseToken");
        Objects.requireNonNull(queuedAt, "queuedAt");
    }
}
