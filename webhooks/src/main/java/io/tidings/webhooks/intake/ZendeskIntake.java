package io.tidings.webhooks.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Accepts Zendesk deliveries: verifies the signature, reads the envelope, stores it in the inbox. */
@ApplicationScoped
public class ZendeskIntake {

    private static final System.Logger LOG = System.getLogger(ZendeskIntake.class.getName());

    private final ZendeskSignature signature;
    private final InboxWriter inbox;
    private final Clock clock;

    @Inject
    public ZendeskIntake(@ConfigProperty(name = "tidings.zendesk.webhook-secret") Optional<String> secrets,
                         InboxWriter inbox, Clock clock) {
        this.signature = new ZendeskSignature(SigningSecrets.configured("tidings.zendesk.webhook-secret", secrets.orElse("")), clock);
        this.inbox = inbox;
        this.clock = clock;
        if (!signature.hasSecret()) {
            LOG.log(System.Logger.Level.WARNING, "tidings.zendesk.webhook-secret is not set: every Zendesk webhook "
                    + "delivery will be refused with 401.");
        }
    }

    /** Stores the delivery unless the inbox already holds it; returns once it is committed. */
    public IntakeReceipt receive(DeliveryHeaders headers, byte[] body) {
        signature.verify(headers, body);
        InboundDelivery delivery = ZendeskDeliveries.read(body, clock.instant());
        return new IntakeReceipt(1, inbox.store(List.of(delivery)));
    }
}
