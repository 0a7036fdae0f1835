package io.tidings.webhooks.outbound;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An integrator's endpoint for outbound webhooks.
 *
 * @param description    the integrator's note, or null
 * @param disabledReason why Tidings disabled it (e.g. it answered 410), or null
 */
public record WebhookEndpoint(UUID id, URI url, String description, Set<WebhookEventType> eventTypes, boolean enabled,
                              String disabledReason, Instant createdAt, Instant updatedAt) {

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw new IllegalArgumentException("an endpoint subscribes to at least one event type");
        }
        eventTypes = Collections.unmodifiableSet(EnumSet.copyOf(eventTypes));
    }
}
