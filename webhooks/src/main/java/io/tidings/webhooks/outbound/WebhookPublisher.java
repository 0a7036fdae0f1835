package io.tidings.webhooks.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidings.http.JsonMapping;
import io.tidings.persistence.DatabaseTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.List;

/**
 * Publishes events to integrators: queues one message per subscribed, enabled endpoint, in the
 * Standard Webhooks payload shape {@code {"type", "timestamp", "data"}}; the dispatcher delivers them.
 */
@ApplicationScoped
public class WebhookPublisher {

    private final WebhookMessageStore messages;
    private final Clock clock;

    @Inject
    public WebhookPublisher(WebhookMessageStore messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** Queues the event; returns the ids of the messages, one per endpoint. */
    public List<String> publish(WebhookEventType type, Object data) {
        return messages.enqueue(type.wireName(), payload(type, data));
    }

    /** Queues the event in the caller's transaction, so it is sent only if the change that caused it commits. */
    public List<String> publish(Handle transaction, WebhookEventType type, Object data) {
        return messages.enqueue(transaction, type.wireName(), payload(type, data));
    }

    private String payload(WebhookEventType type, Object data) {
        ObjectNode body = JsonMapping.MAPPER.createObjectNode()
                .put("type", type.wireName())
                .put("timestamp", DatabaseTime.now(clock).toString());
        body.set("data", JsonMapping.MAPPER.valueToTree(data));
        try {
            return JsonMapping.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data must serialise to JSON", e);
        }
    }
}
