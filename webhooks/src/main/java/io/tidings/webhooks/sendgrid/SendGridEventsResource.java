package io.tidings.webhooks.sendgrid;

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
 * {@code POST /webhooks/sendgrid/events}: SendGrid's signed Event Webhook. Authenticated by its
 * ECDSA signature, not by API key; the body is read raw because those bytes were signed.
 */
@Path("/webhooks/sendgrid/events")
@ApplicationScoped
public class SendGridEventsResource {

    private final SendGridEvents events;

    @Inject
    public SendGridEventsResource(SendGridEvents events) {
        this.events = events;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public SendGridEvents.Receipt receive(@Context HttpHeaders headers, byte[] body) {
        return events.receive(headers::getHeaderString, body);
    }
}
