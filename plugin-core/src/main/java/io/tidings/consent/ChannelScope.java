package io.tidings.consent;

import io.tidings.preference.Channel;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The channels a consent record speaks for: every channel (including channels added later) or a
 * named set.
 *
 * @param allChannels true for "every channel"; then {@code channels} is empty
 * @param channels    the named channels when not every channel
 */
public record ChannelScope(boolean allChannels, Set<Channel> channels) {

    private static final ChannelScope ALL = new ChannelScope(true, Set.of());

    public ChannelScope {
        Objects.requireNonNull(channels, "channels must not be null");
        if (allChannels && !channels.isEmpty()) {
            throw new IllegalArgumentException("a scope of all channels must not also name channels");
        }
        if (!allChannels && channels.isEmpty()) {
            throw new IllegalArgumentException("a channel scope must name at least one channel");
        }
        channels = channels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(channels));
    }

    /** Every channel. */
    public static ChannelScope all() {
        return ALL;
    }

    /** The named channels only. */
    public static ChannelScope of(Channel first, Channel... more) {
        return new ChannelScope(false, EnumSet.of(first, more));
    }

    /** Whether the scope includes the channel. */
    public boolean covers(Channel channel) {
        return allChannels || channels.contains(channel);
    }
}
