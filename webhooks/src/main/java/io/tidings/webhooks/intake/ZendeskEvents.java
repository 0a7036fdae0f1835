package io.tidings.webhooks.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.customer.ExternalRefs;
import io.tidings.decision.EventKind;
import io.tidings.event.Event;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Normalises Zendesk ticket deliveries: status changes and added comments, from event
 * subscriptions or from Tidings' trigger webhooks. The customer is the ticket's requester
 * ({@code detail.requester_id}).
 */
@ApplicationScoped
public class ZendeskEvents implements EventNormaliser {

    private static final String TICKET_SUBJECT = "zen:ticket:";

    private static final Map<String, EventKind> KINDS = Map.of(
            "zen:event-type:ticket.status_changed", EventKind.TICKET_STATUS_CHANGED,
            "zen:event-type:ticket.comment_added", EventKind.COMMENT_ADDED,
            "tidings:trigger:ticket.status_changed", EventKind.TICKET_STATUS_CHANGED,
            "tidings:trigger:ticket.comment_added", EventKind.COMMENT_ADDED);

    @Override
    public DeliverySource source() {
        return DeliverySource.ZENDESK;
    }

    @Override
    public Optional<Event> normalise(InboundDelivery delivery) {
        EventKind kind = KINDS.get(delivery.eventType());
        if (kind == null) {
            return Optional.empty();
        }
        JsonNode payload = delivery.jsonPayload();
        JsonNode requester = payload.path("detail").path("requester_id");
        if (!requester.isTextual() && !requester.isIntegralNumber() || requester.asText().isBlank()) {
            throw new MalformedDeliveryException(delivery.eventType() + " has no detail.requester_id.");
        }
        return Optional.of(new Event(delivery.source().wireName(), delivery.sourceEventId(), kind, delivery.subject(),
                delivery.occurredAt(), new ExternalRefs(requester.asText(), null, null), facts(delivery, payload)));
    }

    /** The ticket number and its status, as the message templates name them. */
    private static Map<String, String> facts(InboundDelivery delivery, JsonNode payload) {
        Map<String, String> facts = new HashMap<>();
        String subject = delivery.subject();
        facts.put("ticketId", subject.startsWith(TICKET_SUBJECT) ? subject.substring(TICKET_SUBJECT.length()) : subject);
        String status = payload.path("event").path("current").asText(payload.path("detail").path("status").asText(""));
        if (!status.isBlank()) {
            facts.put("status", status.toLowerCase(Locale.ROOT));
        }
        return facts;
    }
}
