package io.tidings.support;

import io.tidings.preference.Channel;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a customer sent back on a channel that is not a keyword Tidings acts on.
 *
 * @param channel           where it arrived, e.g. SMS
 * @param body              the text as received
 * @param receivedAt        when the provider received it
 * @param providerMessageId the provider's id for it, e.g. a Twilio {@code SM…} sid; the desk may use it to drop repeats
 */
public record CustomerReply(Channel channel, String body, Instant receivedAt, String providerMessageId) {

    public CustomerReply {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
    }
}
