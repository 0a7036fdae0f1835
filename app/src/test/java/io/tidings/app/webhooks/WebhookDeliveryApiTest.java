package io.tidings.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.tidings.http.JsonMapping;
import io.tidings.webhooks.outbound.WebhookEventType;
import io.tidings.webhooks.outbound.WebhookPublisher;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The server delivers published events to a subscribed endpoint in the background; dead letters replay through the API. */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:webhook-delivery;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AddConfig(key = "tidings.admin-key", value = WebhookEndpointsApiTest.ADMIN_KEY)
@AddConfig(key = "tidings.webhooks.allow-private-addresses", value = "true")
@AddConfig(key = "tidings.webhooks.dispatch-interval", value = "PT0.1S")
class WebhookDeliveryApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    WebTarget server;

    @Inject
    WebhookPublisher publisher;

    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private HttpServer endpoint;

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hooks", exchange -> {
            headers.add(Map.copyOf(exchange.getRequestHeaders()));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
    }

    @Test
    void deliversSignedEventsAndReplaysDeadLetters() throws Exception {
        JsonNode created = JsonMapping.MAPPER.readTree(send("POST", "/api/v1/webhook-endpoints",
                "{\"url\":\"http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hooks\","
                        + "\"eventTypes\":[\"preferences.changed\"]}").body());
        String id = created.get("id").asText();

        String messageId = publisher.publish(WebhookEventType.PREFERENCES_CHANGED, Map.of("customerId", "c-1")).getFirst();
        await(() -> bodies.size() == 1);

        Map<String, List<String>> signed = Map.of("webhook-id", headers.getFirst().get("Webhook-id"),
                "webhook-timestamp", headers.getFirst().get("Webhook-timestamp"),
                "webhook-signature", headers.getFirst().get("Webhook-signature"));
        assertThat(signed.get("webhook-id")).containsExactly(messageId);
        assertThatCode(() -> new Webhook(created.get("secret").asText()).verify(bodies.getFirst(), signed))
                .doesNotThrowAnyException();

        answer.set(410);
        String gone = publisher.publish(WebhookEventType.PREFERENCES_CHANGED, Map.of("customerId", "c-2")).getFirst();
        await(() -> send("GET", "/api/v1/webhook-endpoints/" + id + "/dead-letters", null).body().contains(gone));
        assertThat(send("GET", "/api/v1/webhook-endpoints/" + id, null).body()).contains("\"enabled\":false")
                .contains("410");

        answer.set(204);
        send("PATCH", "/api/v1/webhook-endpoints/" + id, "{\"enabled\":true}");
        HttpResponse<String> replay = send("POST", "/api/v1/webhook-endpoints/" + id + "/messages/" + gone + "/replay", null);
        assertThat(replay.statusCode()).isEqualTo(202);
        await(() -> bodies.size() == 3);
        assertThat(headers.get(2).get("Webhook-id")).containsExactly(gone);
        assertThat(send("GET", "/api/v1/webhook-endpoints/" + id + "/dead-letters", null).body()).isEqualTo("[]");

        HttpResponse<String> range = send("POST", "/api/v1/webhook-endpoints/" + id + "/replay",
                "{\"since\":\"" + Instant.now().minusSeconds(3600) + "\",\"until\":\"" + Instant.now().plusSeconds(60) + "\"}");
        assertThat(range.body()).isEqualTo("{\"replayed\":2}");
        await(() -> bodies.size() == 5);
        assertThat(send("POST", "/api/v1/webhook-endpoints/" + id + "/messages/msg_unknown/replay", null).statusCode())
                .isEqualTo(404);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited too long").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getUri() + path))
                .header("Authorization", "Bearer " + WebhookEndpointsApiTest.ADMIN_KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
