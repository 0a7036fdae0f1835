package io.tidings.webhooks.intake;

import java.util.UUID;

/**
 * A delivery a worker has claimed from the inbox.
 *
 * @param attempts how many times it has been claimed, this time included
 */
public record InboxEntry(UUID id, InboundDelivery delivery, int attempts) {
}
