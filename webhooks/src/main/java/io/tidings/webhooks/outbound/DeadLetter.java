package io.tidings.webhooks.outbound;

import java.time.Instant;

/** A webhook message that failed every attempt of the retry schedule. */
public record DeadLetter(String messageId, String eventType, Instant createdAt, int attempts, String lastError) {
}
