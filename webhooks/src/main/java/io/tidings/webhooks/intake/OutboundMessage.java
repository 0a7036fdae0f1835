package io.tidings.webhooks.intake;

import java.util.List;

/**
 * A Salesforce Outbound Message: the sending org and its notifications, each an inbox delivery
 * keyed by the notification id Salesforce keeps across redeliveries.
 */
public record OutboundMessage(String organizationId, List<InboundDelivery> notifications) {

    public OutboundMessage {
        notifications = List.copyOf(notifications);
    }
}
