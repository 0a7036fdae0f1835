package io.tidings.webhooks.outbound;

import io.tidings.error.InvalidInputException;
import io.tidings.error.ResourceNotFoundException;
import io.tidings.persistence.DatabaseTime;
import io.tidings.persistence.UuidV7;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Integrators' webhook subscriptions: subscribe, change, enable or disable, remove. */
@ApplicationScoped
public class WebhookEndpoints {

    static final int MAX_DESCRIPTION = 200;

    private final WebhookEndpointStore store;
    private final EndpointAddressPolicy addresses;
    private final Clock clock;

    @Inject
    public WebhookEndpoints(WebhookEndpointStore store, EndpointAddressPolicy addresses, Clock clock) {
        this.store = store;
        this.addresses = addresses;
        this.clock = clock;
    }

    public CreatedEndpoint create(String url, String description, Set<WebhookEventType> eventTypes) {
        URI checked = addresses.check("/url", url);
        Instant now = DatabaseTime.now(clock);
        WebhookEndpoint endpoint = new WebhookEndpoint(UuidV7.next(clock), checked, description(description),
                eventTypes(eventTypes), true, null, now, now);
        EndpointSecret secret = EndpointSecret.generate();
        store.insert(endpoint, secret);
        return new CreatedEndpoint(endpoint, secret);
    }

    public WebhookEndpoint get(UUID id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    public List<WebhookEndpoint> list() {
        return store.list();
    }

    /** Applies the change; enabling an endpoint Tidings disabled clears the reason. */
    public WebhookEndpoint change(UUID id, EndpointChange change) {
        WebhookEndpoint current = get(id);
        boolean enabled = change.enabled() == null ? current.enabled() : change.enabled();
        WebhookEndpoint changed = new WebhookEndpoint(id,
                change.url() == null ? current.url() : addresses.check("/url", change.url()),
                change.description() == null ? current.description() : description(change.description()),
                change.eventTypes() == null ? current.eventTypes() : eventTypes(change.eventTypes()),
                enabled, enabled ? null : current.disabledReason(), current.createdAt(), DatabaseTime.now(clock));
        if (!store.update(changed)) {
            throw notFound(id);
        }
        return changed;
    }

    public void delete(UUID id) {
        if (!store.delete(id)) {
            throw notFound(id);
        }
    }

    private static String description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("/description", "at most " + MAX_DESCRIPTION + " characters");
        }
        return description == null || description.isBlank() ? null : description.strip();
    }

    private static Set<WebhookEventType> eventTypes(Set<WebhookEventType> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty() || eventTypes.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("/eventTypes", "name at least one event type");
        }
        return eventTypes;
    }

    private static ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException("There is no webhook endpoint " + id + ".");
    }
}
