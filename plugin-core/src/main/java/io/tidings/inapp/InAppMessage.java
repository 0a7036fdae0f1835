package io.tidings.inapp;

import io.tidings.preference.Category;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message kept for a customer to read in the integrator's app.
 *
 * @param id         the message
 * @param customerId the recipient
 * @param sequence   its place among the customer's messages, counting up from 1 in the order they were stored
 * @param sendKey    the idempotency key of the outbox send that stored it; unique
 * @param category   the message category
 * @param title      the title, or null
 * @param body       the text
 * @param createdAt  when it was stored
 * @param readAt     when it was marked read, or null while unread
 */
public record InAppMessage(UUID id, UUID customerId, long sequence, String sendKey, Category category, String title,
                           String body, Instant createdAt, Instant readAt) {

    public InAppMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(sendKey, "sendKey");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Without title and body: what may appear in logs. */
    @Override
    public String toString() {
        return "InAppMessage[" + id + ", customer " + customerId + ", #" + sequence + ", " + category + "]";
    }
}
