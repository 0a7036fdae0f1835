package io.tidings.webhooks.twilio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code POST /webhooks/twilio/inbound}: Twilio's incoming-message webhook for Tidings' number.
 * Authenticated by {@code X-Twilio-Signature}; answers TwiML, which Twilio sends back as the reply.
 */
@Path("/webhooks/twilio/inbound")
@ApplicationScoped
public class TwilioInboundResource {

    private final SmsReplies replies;

    @Inject
    public TwilioInboundResource(SmsReplies replies) {
        this.replies = replies;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_XML)
    public String receive(@Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        return replies.receive(headers::getHeaderString, uri.getRequestUri(), body);
    }
}
