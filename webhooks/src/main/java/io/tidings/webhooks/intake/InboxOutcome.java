package io.tidings.webhooks.intake;

import java.util.UUID;

/**
 * What a worker made of one claimed entry. A {@link InboxStatus#PENDING} outcome leaves the entry
 * to be claimed again once its lease runs out; any other status settles it for good.
 *
 * @param customerId the customer the entry turned out to be about (erasure finds it by them), or null
 */
public record InboxOutcome(UUID entryId, UUID customerId, InboxStatus status, String detail) {

    static InboxOutcome settled(InboxEntry entry, InboxStatus status, String detail) {
        return new InboxOutcome(entry.id(), null, status, detail);
    }

    static InboxOutcome settled(InboxEntry entry, UUID customerId, InboxStatus status, String detail) {
        return new InboxOutcome(entry.id(), customerId, status, detail);
    }

    static InboxOutcome retryLater(InboxEntry entry, String detail) {
        return new InboxOutcome(entry.id(), null, InboxStatus.PENDING, detail);
    }

    boolean settles() {
        return status != InboxStatus.PENDING;
    }
}
