package io.tidings.webhooks.outbound;

import java.util.Set;

/**
 * What an integrator asks to change on an endpoint; null fields stay as they are.
 *
 * @param url the new URL as sent, checked by the {@link EndpointAddressPolicy}
 */
public record EndpointChange(String url, String description, Set<WebhookEventType> eventTypes, Boolean enabled) {
}
