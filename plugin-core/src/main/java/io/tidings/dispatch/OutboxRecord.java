package io.tidings.dispatch;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row as stored: the send and how it stands.
 *
 * @param id                the row
 * @param entry             what to send
 * @param status            where it stands
 * @param attempts          attempts claimed so far
 * @param nextAttemptAt     when it is due (again)
 * @param providerId        the provider of the last attempt, or null
 * @param providerMessageId the provider's id once sent, else null
 * @param possibleDuplicate true when it was sent again after an unfinished attempt through a
 *                          provider that cannot detect duplicates
 * @param lastError         why the last attempt failed, or null
 */
public record OutboxRecord(UUID id, OutboxEntry entry, OutboxStatus status, int attempts, Instant nextAttemptAt,
                           String providerId, String providerMessageId, boolean possibleDuplicate, String lastError) {
}
