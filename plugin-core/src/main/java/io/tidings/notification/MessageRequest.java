package io.tidings.notification;

import io.tidings.decision.EventKind;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A message to decide about: for whom, about what, on which channels, at which instant.
 *
 * @param customerId  the recipient
 * @param kind        the event it is about
 * @param category    its category
 * @param channels    the channels to consider (not empty)
 * @param collapseKey what the event is about, e.g. "ticket:4711"; empty for the kind alone
 * @param at          the instant of the decision
 */
public record MessageRequest(UUID customerId, EventKind kind, Category category, Set<Channel> channels,
                             String collapseKey, Instant at) {

    public MessageRequest {
        Objects.requireNonNull(customerId, "customerId must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(category, "category must not be null");
        Objects.requireNonNull(collapseKey, "collapseKey must not be null");
        Objects.requireNonNull(at, "at must not be null");
        if (channels == null || channels.isEmpty()) {
            throw new IllegalArgumentException("at least one channel must be considered");
        }
        channels = Collections.unmodifiableSet(EnumSet.copyOf(channels));
    }
}
