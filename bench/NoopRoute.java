package io.tidings.bench;

import io.helidon.http.Status;
import io.helidon.microprofile.server.RoutingPath;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The load benchmark's no-op endpoint, {@code POST /bench/noop}: reads the request's body and
 * answers 204, nothing else. bench/webhooks-load.sh compiles it beside the server for the run
 * only, so that the webhook route is compared with an endpoint that takes the very same requests
 * from the very same client. Never part of the shipped server.
 */
@ApplicationScoped
@RoutingPath("/bench")
public class NoopRoute implements HttpService {

    @Override
    public void routing(HttpRules rules) {
        rules.post("/noop", (request, response) -> {
            try (InputStream body = request.content().inputStream()) {
                body.transferTo(OutputStream.nullOutputStream());
            }
            response.status(Status.NO_CONTENT_204).send();
        });
    }
}
