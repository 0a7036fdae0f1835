package io.tidings.webhooks.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.customer.ExternalRefs;
import io.tidings.decision.EventKind;
import io.tidings.event.Event;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/**
 * Normalises the account-change events Tidings' Salesforce Flow posts: {@code account.changed}
 * with {@code data.change} naming what changed ({@code billing_issue}, {@code plan_change},
 * {@code security_change}, {@code settings_change} or {@code suspension}, one event kind each) and
 * {@code data.contactId} the account's person, the customer. Other types and changes are not acted
 * on. The event's {@code timestamp} orders changes of one kind to one account.
 */
@ApplicationScoped
public class SalesforceAccountEvents implements EventNormaliser {

    private static final String ACCOUNT_CHANGED = "account.changed";

    private static final Map<String, EventKind> KINDS = Map.of(
            "billing_issue", EventKind.BILLING_ISSUE,
            "plan_change", EventKind.PLAN_CHANGE,
            "security_change", EventKind.SECURITY_CHANGE,
            "settings_change", EventKind.SETTINGS_CHANGE,
            "suspension", EventKind.SUSPENSION);

    @Override
    public DeliverySource source() {
        return DeliverySource.SALESFORCE_FLOW;
    }

    @Override
    public Optional<Event> normalise(InboundDelivery delivery) {
        if (!ACCOUNT_CHANGED.equals(delivery.eventType())) {
            return Optional.empty();
        }
        JsonNode data = delivery.jsonPayload().path("data");
        String change = data.path("change").asText("");
        EventKind kind = KINDS.get(change);
        if (kind == null) {
            return Optional.empty();
        }
        JsonNode contactId = data.path("contactId");
        if (!contactId.isTextual() || contactId.asText().isBlank()) {
            throw new MalformedDeliveryException("account.changed has no data.contactId.");
        }
        return Optional.of(new Event(delivery.source().wireName(), delivery.sourceEventId(), kind, delivery.subject(),
                delivery.occurredAt(), new ExternalRefs(null, contactId.asText().strip(), null), Map.of("change", change)));
    }
}
