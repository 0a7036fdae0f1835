package io.tidings.webhooks.outbound;

import java.util.UUID;

/**
 * A webhook message a dispatcher has claimed.
 *
 * @param id       the Standard Webhooks {@code webhook-id}, the same on every attempt
 * @param payload  the JSON body, exactly as signed and sent
 * @param attempts attempts made before this one
 */
public record WebhookMessage(String id, UUID endpointId, String eventType, String payload, int attempts) {
}
