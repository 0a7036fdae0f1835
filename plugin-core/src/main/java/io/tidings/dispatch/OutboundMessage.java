package io.tidings.dispatch;

import io.tidings.preference.Category;
import io.tidings.preference.Channel;

import java.util.Map;
import java.util.Objects;

/**
 * A rendered message ready for a channel provider.
 *
 * @param idempotencyKey the same on every attempt of one send; providers that can, deduplicate on it
 * @param channel        the channel
 * @param recipient      the address on that channel: E.164 phone, email address, or customer id for push and in-app
 * @param subject        the subject, for channels that have one; else null
 * @param text           the plain-text body
 * @param html           the HTML body, for email when the template has one; else null
 * @param headers        extra headers the channel carries (e.g. List-Unsubscribe on email)
 * @param category       the message category
 */
public record OutboundMessage(String idempotencyKey, Channel channel, String recipient, String subject, String text,
                              String html, Map<String, String> headers, Category category) {

    public OutboundMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(category, "category");
        headers = Map.copyOf(headers);
    }

    /** Without the recipient and body: what may appear in logs. */
    @Override
    public String toString() {
        return "OutboundMessage[" + idempotencyKey + ", " + channel + ", " + category + "]";
    }
}
