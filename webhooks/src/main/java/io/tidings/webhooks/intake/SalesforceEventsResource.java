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

/** {@code POST /webhooks/salesforce/events}: account-change events from a Salesforce Flow, signed per Standard Webhooks. */
@Path("/webhooks/salesforce/events")
@ApplicationScoped
public class SalesforceEventsResource {

    private final SalesforceFlowIntake intake;

    @Inject
    public SalesforceEventsResource(SalesforceFlowIntake intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public IntakeReceipt receive(@Context HttpHeaders headers, byte[] body) {
        return intake.receive(headers::getHeaderString, body);
    }
}
