package io.tidings.webhooks.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /webhooks/zendesk}: Zendesk event subscriptions and trigger webhooks. Authenticated
 * by signature, not by API key; the body is taken as raw bytes because those are what was signed.
 */
@Path("/webhooks/zendesk")
@ApplicationScoped
public class ZendeskWebhookResource {

    private final ZendeskIntake intake;

    @Inject
    public ZendeskWebhookResource(ZendeskIntake intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public IntakeReceipt receive(@Context HttpHeaders headers, byte[] body) {
        return intake.receive(headers::getHeaderString, body);
    }
}
