package io.tidings.webhooks.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/** Accepts Salesforce Flow events: verifies the Standard Webhooks signature, reads the event, stores it in the inbox. */
@ApplicationScoped
public class SalesforceFlowIntake {

    static final String SECRET_KEY = "tidings.salesforce.events-secret";

    private static final System.Logger LOG = System.getLogger(SalesforceFlowIntake.class.getName());

    private final StandardWebhooksSignature signature;
    private final InboxWriter inbox;

    @Inject
    public SalesforceFlowIntake(@ConfigProperty(name = SECRET_KEY) Optional<String> secrets, InboxWriter inbox) {
        this.signature = new StandardWebhooksSignature(SigningSecrets.configured(SECRET_KEY, secrets.orElse("")));
        this.inbox = inbox;
        if (!signature.hasSecret()) {
            LOG.log(System.Logger.Level.WARNING, SECRET_KEY + " is not set: every Salesforce Flow event will be "
                    + "refused with 401.");
        }
    }

    /** Stores the event unless the inbox already holds it; returns once it is committed. */
    public IntakeReceipt receive(DeliveryHeaders headers, byte[] body) {
        signature.verify(headers, body);
        return new IntakeReceipt(1, inbox.store(List.of(SalesforceFlowEvents.read(headers, body))));
    }
}
