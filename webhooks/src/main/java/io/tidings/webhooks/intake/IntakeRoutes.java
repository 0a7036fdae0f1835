package io.tidings.webhooks.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.microprofile.server.RoutingPath;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tidings.error.ClientMistake;
import io.tidings.http.BodyTooLargeException;
import io.tidings.http.JsonMapping;
import io.tidings.http.ProblemType;
import io.tidings.http.Problems;
import io.tidings.http.RequestBodyLimit;
import io.tidings.http.RequestLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The intake endpoints, served as plain web-server routes rather than through JAX-RS: they take
 * raw signed bytes and answer a small document, and they are the hottest paths Tidings has.
 * <ul>
 *   <li>{@code POST /webhooks/zendesk}: Zendesk event subscriptions and trigger webhooks;</li>
 *   <li>{@code POST /webhooks/salesforce}: Salesforce Outbound Messages, acknowledged in SOAP once
 *       stored (a refusal is problem+json, which Salesforce counts as failed and redelivers);</li>
 *   <li>{@code POST /webhooks/salesforce/events}: Flow account-change events (Standard Webhooks).</li>
 * </ul>
 * Authenticated by signature, not API key. Bodies over {@link RequestBodyLimit#LIMIT_BYTES} are
 * refused with 413 before anything is parsed; every refusal is problem+json, nothing stored, and
 * logged at INFO. Accepted deliveries are logged at DEBUG only: the inbox holds each of them.
 */
@ApplicationScoped
@RoutingPath("/webhooks")
public class IntakeRoutes implements HttpService {

    private static final String JSON = "application/json";
    private static final String SOAP = "text/xml; charset=UTF-8";

    private final ZendeskIntake zendesk;
    private final SalesforceIntake salesforce;
    private final SalesforceFlowIntake salesforceFlow;

    @Inject
    public IntakeRoutes(ZendeskIntake zendesk, SalesforceIntake salesforce, SalesforceFlowIntake salesforceFlow) {
        this.zendesk = zendesk;
        this.salesforce = salesforce;
        this.salesforceFlow = salesforceFlow;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/zendesk", (request, response) -> answer(request, response, "/webhooks/zendesk", JSON,
                        body -> receipt(zendesk.receive(headers(request), body))))
                .post("/salesforce", (request, response) -> answer(request, response, "/webhooks/salesforce", SOAP,
                        body -> {
                            salesforce.receive(body);
                            return SalesforceOutboundMessages.ACK.getBytes(StandardCharsets.UTF_8);
                        }))
                .post("/salesforce/events", (request, response) -> answer(request, response,
                        "/webhooks/salesforce/events", JSON, body -> receipt(salesforceFlow.receive(headers(request), body))));
    }

    @FunctionalInterface
    private interface Intake {
        /** Stores the delivery and returns the answer's body. */
        byte[] receive(byte[] body);
    }

    private static void answer(ServerRequest request, ServerResponse response, String route, String mediaType,
                               Intake intake) {
        long started = System.nanoTime();
        Status status;
        byte[] answer;
        try {
            answer = intake.receive(body(request));
            status = Status.OK_200;
            response.header(HeaderNames.CONTENT_TYPE, mediaType);
        } catch (ClientMistake e) {
            status = Status.create(e.type().status());
            answer = problem(response, e.type(), e.getMessage(), e);
        } catch (BodyTooLargeException e) {
            status = Status.REQUEST_ENTITY_TOO_LARGE_413;
            answer = problem(response, ProblemType.PAYLOAD_TOO_LARGE, e.getMessage(), null);
        } catch (IOException | UncheckedIOException e) {
            status = Status.BAD_REQUEST_400;
            answer = problem(response, ProblemType.MALFORMED_REQUEST, "The body could not be read.", null);
        } catch (RuntimeException e) {
            status = Status.INTERNAL_SERVER_ERROR_500;
            answer = problem(response, ProblemType.UNEXPECTED, Problems.reportUnexpected(e), null);
        }
        response.status(status).send(answer);
        // Every accepted delivery is on record in the inbox; the log line is for refusals.
        RequestLog.log(status == Status.OK_200 ? System.Logger.Level.DEBUG : System.Logger.Level.INFO,
                "POST", route, status.code(), started, "-");
    }

    private static byte[] problem(ServerResponse response, ProblemType type, String detail, ClientMistake mistake) {
        response.header(HeaderNames.CONTENT_TYPE, Problems.MEDIA_TYPE);
        return Problems.json(type, detail, mistake == null ? List.of() : mistake.violations());
    }

    /**
     * The raw body, at most the limit: refused at once when Content-Length says it is larger. With
     * a Content-Length (every vendor sends one), read into an array of that size rather than
     * through a buffer sized for the limit.
     */
    private static byte[] body(ServerRequest request) throws IOException {
        long limit = RequestBodyLimit.LIMIT_BYTES;
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > limit) {
            throw new BodyTooLargeException(limit);
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes(declared >= 0 ? (int) declared : (int) limit + 1);
            if (body.length > limit) {
                throw new BodyTooLargeException(limit);
            }
            return body;
        }
    }

    private static DeliveryHeaders headers(ServerRequest request) {
        return name -> request.headers().first(HeaderNames.create(name)).orElse(null);
    }

    private static byte[] receipt(IntakeReceipt receipt) {
        try {
            return JsonMapping.MAPPER.writeValueAsBytes(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a receipt always serialises", e);
        }
    }
}
