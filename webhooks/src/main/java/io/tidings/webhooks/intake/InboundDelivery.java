package io.tidings.webhooks.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.http.JsonMapping;
import io.tidings.persistence.SourceEventKey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One verified webhook delivery as the inbox keeps it, read only as far as its envelope.
 *
 * @param source        who sent it
 * @param sourceEventId the sender's id for the event: the dedupe key within the source
 * @param eventType     the sender's event type, e.g. {@code zen:event-type:ticket.status_changed}
 * @param subject       what the event is about (e.g. {@code zen:ticket:35436}); empty when the sender names nothing
 * @param occurredAt    when the event happened at the sender, which orders events about one subject
 * @param payload       the delivery's body, exactly as received
 * @param stamped       whether {@code occurredAt} is the sender's own stamp on the event, repeated unchanged in every
 *                      redelivery (a Zendesk delivery's {@code time}), so that it may begin the {@link #dedupKey()};
 *                      false on an entry read back from the inbox, whose key is stored already
 */
public record InboundDelivery(DeliverySource source, String sourceEventId, String eventType, String subject,
                              Instant occurredAt, String payload, boolean stamped) {

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

    /** A delivery whose time is not one its sender repeats in redeliveries, or is Tidings' own receipt time. */
    public InboundDelivery(DeliverySource source, String sourceEventId, String eventType, String subject,
                           Instant occurredAt, String payload) {
        this(source, sourceEventId, eventType, subject, occurredAt, payload, false);
    }

    /** What the inbox deduplicates on: the same for every delivery of this event from its source. */
    public UUID dedupKey() {
        return stamped
                ? SourceEventKey.of(source.wireName(), sourceEventId, occurredAt)
                : SourceEventKey.of(source.wireName(), sourceEventId);
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
