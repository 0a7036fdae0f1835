package io.tidings.webhooks.outbound;

/** A newly subscribed endpoint and its signing secret, which only this answer shows. */
public record CreatedEndpoint(WebhookEndpoint endpoint, EndpointSecret secret) {
}
