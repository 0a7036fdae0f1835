package io.tidings.inapp;

import io.tidings.preference.Category;

import java.util.Objects;
import java.util.UUID;

/**
 * An in-app message to store for a customer.
 *
 * @param customerId the recipient
 * @param sendKey    the outbox send's idempotency key: storing the same key again stores nothing
 * @param category   the message category
 * @param title      the title, or null
 * @param body       the text
 */
public record NewInAppMessage(UUID customerId, String sendKey, Category category, String title, String body) {

    public NewInAppMessage {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(sendKey, "sendKey");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return "NewInAppMessage[" + sendKey + ", customer " + customerId + ", " + category + "]";
    }
}
