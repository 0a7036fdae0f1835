package io.tidings.webhooks.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /webhooks/salesforce}: Salesforce Outbound Messages. Answers the SOAP
 * acknowledgement once every notification is stored; refusals are problem+json, which Salesforce
 * counts as a failed delivery and retries.
 */
@Path("/webhooks/salesforce")
@ApplicationScoped
public class SalesforceWebhookResource {

    private final SalesforceIntake intake;

    @Inject
    public SalesforceWebhookResource(SalesforceIntake intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_XML)
    public String receive(byte[] body) {
        intake.receive(body);
        return SalesforceOutboundMessages.ACK;
    }
}
