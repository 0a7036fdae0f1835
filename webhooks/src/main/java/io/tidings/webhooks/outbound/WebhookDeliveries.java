package io.tidings.webhooks.outbound;

import io.tidings.error.InvalidInputException;
import io.tidings.error.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What integrators can see and redo of an endpoint's deliveries: its dead letters, and replays. */
@ApplicationScoped
public class WebhookDeliveries {

    private final WebhookEndpoints endpoints;
    private final WebhookMessageStore messages;

    @Inject
    public WebhookDeliveries(WebhookEndpoints endpoints, WebhookMessageStore messages) {
        this.endpoints = endpoints;
        this.messages = messages;
    }

    public List<DeadLetter> deadLetters(UUID endpointId) {
        endpoints.get(endpointId);
        return messages.deadLetters(endpointId);
    }

    /** Queues the message again from the start of the retry schedule. */
    public void replay(UUID endpointId, String messageId) {
        endpoints.get(endpointId);
        if (!messages.replay(endpointId, messageId)) {
            throw new ResourceNotFoundException("Webhook endpoint " + endpointId + " has no message " + messageId + ".");
        }
    }

    /** Queues every message created in [since, until) again; returns how many. */
    public int replay(UUID endpointId, Instant since, Instant until) {
        if (since == null || until == null || !since.isBefore(until)) {
            throw new InvalidInputException("/until", "since and until are required, since before until");
        }
        endpoints.get(endpointId);
        return messages.replay(endpointId, since, until);
    }
}
