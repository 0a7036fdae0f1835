package io.tidings.dispatch;

import io.tidings.preference.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The provider configured for each channel ({@code tidings.providers.<channel>=<provider id>}),
 * chosen among the providers CDI discovered. A channel without configuration has no provider.
 */
@ApplicationScoped
public class ChannelProviders {

    private final Map<Channel, ChannelProvider> selected;

    @Inject
    ChannelProviders(@Any Instance<ChannelProvider> discovered, Config config) {
        this(discovered.stream().toList(), configured(config));
    }

    /** Fails when a configured id names no provider, or one that does not serve the channel. */
    public ChannelProviders(Collection<ChannelProvider> available, Map<Channel, String> configured) {
        Map<String, ChannelProvider> byId = available.stream()
                .collect(Collectors.toMap(ChannelProvider::id, provider -> provider));
        Map<Channel, ChannelProvider> chosen = new EnumMap<>(Channel.class);
        configured.forEach((channel, id) -> {
            ChannelProvider provider = byId.get(id);
            if (provider == null) {
                throw new IllegalStateException(key(channel) + " names provider '" + id + "', but the providers are "
                        + byId.keySet());
            }
            if (!provider.channels().contains(channel)) {
                throw new IllegalStateException(key(channel) + " names provider '" + id + "', which does not send "
                        + channel);
            }
            chosen.put(channel, provider);
        });
        this.selected = chosen;
    }

    public Optional<ChannelProvider> forChannel(Channel channel) {
        return Optional.ofNullable(selected.get(channel));
    }

    private static Map<Channel, String> configured(Config config) {
        Map<Channel, String> configured = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.ALL) {
            config.getOptionalValue(key(channel), String.class).filter(id -> !id.isBlank())
                    .ifPresent(id -> configured.put(channel, id.strip()));
        }
        return configured;
    }

    private static String key(Channel channel) {
        return "tidings.providers." + channel.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
