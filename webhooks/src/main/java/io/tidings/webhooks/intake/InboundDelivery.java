package io.tidings.webhooks.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.http.JsonMapping;

import java.time.Instant;
import java.util.Objects;

/**
 * One verified webhook delivery as the inbox keeps it, read only as far as its envelope.
 *
 * @param source        who sent it
 * @param sourceEventId the sender's id for the event: the dedupe key within the source
 * @param eventType     the sender's event type, e.g. {@code zen:event-type:ticket.status_changed}
 * @param subject       what the event is about (e.g. {@code zen:ticket:35436}); empty when the sender names nothing
 * @param occurredAt    when the event happened at the sender, which orders events about one subject
 * @param payload       the delivery's body, exactly as received
 */
public record InboundDelivery(DeliverySource source, String sourceEventId, String eventType, String subject,
                              Instant occurredAt, String payload) {

    /** The longest source event id, event type or subject the inbox keeps. */
    public static final int MAX_TEXT = 200;

    public InboundDelivery {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** The payload read as JSON, for sources that send JSON. */
    public JsonNode jsonPayload() {
        try {
            return JsonMapping.MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedDeliveryException("The stored payload is not JSON.", e);
        }
    }
}
