package io.tidings.webhooks.intake;

import io.tidings.customer.ExternalRefs;
import io.tidings.decision.EventKind;
import io.tidings.event.Event;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/**
 * Normalises Salesforce Outbound Messages about the people Tidings notifies: a Contact's record,
 * or a person account's (an Account whose {@code PersonContactId} names its contact), changed. Both
 * are a {@link EventKind#SETTINGS_CHANGE} of the customer with that contact id. Notifications about
 * other objects, and business accounts (no person contact), are not acted on. Outbound Messages
 * carry the record as it is when sent, so the record's {@code LastModifiedDate} orders them.
 */
@ApplicationScoped
public class SalesforceRecordChanges implements EventNormaliser {

    private static final String CONTACT = "salesforce:outbound-message:Contact";
    private static final String ACCOUNT = "salesforce:outbound-message:Account";

    @Override
    public DeliverySource source() {
        return DeliverySource.SALESFORCE;
    }

    @Override
    public Optional<Event> normalise(InboundDelivery delivery) {
        String contactField = switch (delivery.eventType()) {
            case CONTACT -> "Id";
            case ACCOUNT -> "PersonContactId";
            default -> null;
        };
        if (contactField == null) {
            return Optional.empty();
        }
        Map<String, String> fields = SalesforceOutboundMessages.sObjectFields(delivery.payload());
        String contactId = fields.get(contactField);
        if (contactId == null) {
            return Optional.empty();
        }
        String recordType = delivery.eventType().substring(delivery.eventType().lastIndexOf(':') + 1);
        return Optional.of(new Event(delivery.source().wireName(), delivery.sourceEventId(), EventKind.SETTINGS_CHANGE,
                delivery.subject(), delivery.occurredAt(), new ExternalRefs(null, contactId, null),
                Map.of("recordType", recordType)));
    }
}
