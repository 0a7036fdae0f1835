package io.tidings.webhooks.twilio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code POST /webhooks/twilio/status}: Twilio's message and call status callbacks. Authenticated
 * by {@code X-Twilio-Signature}, not by API key; the body is read raw because its parameters are
 * what was signed. Answers 204: Twilio reads nothing from the answer.
 */
@Path("/webhooks/twilio/status")
@ApplicationScoped
public class TwilioStatusResource {

    private final TwilioStatusCallbacks callbacks;

    @Inject
    public TwilioStatusResource(TwilioStatusCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@Context HttpHeaders headers, @Context UriInfo uri,
                            @QueryParam(TwilioStatusCallbacks.SEND_PARAMETER) String send, byte[] body) {
        callbacks.receive(headers::getHeaderString, uri.getRequestUri(), send, body);
        return Response.noContent().build();
    }
}
