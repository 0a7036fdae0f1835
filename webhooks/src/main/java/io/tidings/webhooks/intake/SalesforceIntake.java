package io.tidings.webhooks.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Optional;

/**
 * Accepts Salesforce Outbound Messages from the configured org: stores every notification in one
 * transaction, so the acknowledgement Salesforce waits for means all of them are kept.
 */
@ApplicationScoped
public class SalesforceIntake {

    /** Salesforce org ids come as 15 case-sensitive characters or 18 with a checksum suffix. */
    private static final int SHORT_ID = 15;

    private final String organizationId;
    private final InboxWriter inbox;
    private final Clock clock;

    @Inject
    public SalesforceIntake(@ConfigProperty(name = "tidings.salesforce.organization-id") Optional<String> organizationId,
                            InboxWriter inbox, Clock clock) {
        this.organizationId = organizationId.map(String::strip).orElse("");
        this.inbox = inbox;
        this.clock = clock;
    }

    /** Stores the message's new notifications; returns once they are committed. */
    public IntakeReceipt receive(byte[] body) {
        OutboundMessage message = SalesforceOutboundMessages.read(body, clock.instant());
        if (!fromConfiguredOrg(message.organizationId())) {
            throw new UnknownSenderException(organizationId.isEmpty()
                    ? "Tidings has no tidings.salesforce.organization-id configured, so it accepts no Outbound Messages."
                    : "The Outbound Message comes from another Salesforce org than the configured one.");
        }
        return new IntakeReceipt(message.notifications().size(), inbox.store(message.notifications()));
    }

    private boolean fromConfiguredOrg(String sender) {
        if (organizationId.length() < SHORT_ID || sender.length() < SHORT_ID) {
            return false;
        }
        return organizationId.length() == SHORT_ID || sender.length() == SHORT_ID
                ? organizationId.substring(0, SHORT_ID).equals(sender.substring(0, SHORT_ID))
                : organizationId.equals(sender);
    }
}
