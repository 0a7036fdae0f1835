package io.tidings.preference;

import java.util.Objects;

/**
 * How a message category behaves by default.
 *
 * @param optIn          true when a channel is off until the customer turns it on (false: on until turned off)
 * @param mustSend       true when the message may change channel but must never be dropped
 * @param critical       true when the message may cross quiet hours (never consent)
 * @param whenNoChannel  what to do when no channel may carry the message
 */
public record CategoryPolicy(boolean optIn, boolean mustSend, boolean critical, NoChannelFallback whenNoChannel) {

    public CategoryPolicy {
        Objects.requireNonNull(whenNoChannel, "whenNoChannel must not be null");
    }
}
