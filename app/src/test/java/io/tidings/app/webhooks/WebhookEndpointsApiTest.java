package io.tidings.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.tidings.http.JsonMapping;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Integrators subscribe endpoints to outbound webhooks through {@code /api/v1/webhook-endpoints}. */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:webhook-endpoints;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AddConfig(key = "tidings.admin-key", value = WebhookEndpointsApiTest.ADMIN_KEY)
class WebhookEndpointsApiTest {

    static final String ADMIN_KEY = "tdk_test_admin_key_0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    WebTarget server;

    @Test
    void createsAnEndpointWithASecretShownOnce() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/webhook-endpoints", ADMIN_KEY,
                "{\"url\":\"https://8.8.8.8/hooks/tidings\",\"description\":\"CRM bridge\","
                        + "\"eventTypes\":[\"consent.changed\",\"preferences.changed\"]}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JsonMapping.MAPPER.readTree(created.body());
        assertThat(body.get("secret").asText()).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(body.get("enabled").asBoolean()).isTrue();
        assertThat(created.headers().firstValue("location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/api/v1/webhook-endpoints/" + body.get("id").asText()));

        HttpResponse<String> read = send("GET", "/api/v1/webhook-endpoints/" + body.get("id").asText(), ADMIN_KEY, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("secret").doesNotContain(body.get("secret").asText())
                .contains("\"eventTypes\":[\"consent.changed\",\"preferences.changed\"]").contains("CRM bridge");
        assertThat(send("GET", "/api/v1/webhook-endpoints", ADMIN_KEY, null).body())
                .contains(body.get("id").asText()).doesNotContain(body.get("secret").asText());
    }

    @Test
    void disablesEnablesAndRemovesAnEndpoint() throws Exception {
        String id = JsonMapping.MAPPER.readTree(send("POST", "/api/v1/webhook-endpoints", ADMIN_KEY,
                "{\"url\":\"https://8.8.4.4/h\",\"eventTypes\":[\"incident.updated\"]}").body()).get("id").asText();

        HttpResponse<String> disabled = send("PATCH", "/api/v1/webhook-endpoints/" + id, ADMIN_KEY, "{\"enabled\":false}");
        HttpResponse<String> retyped = send("PATCH", "/api/v1/webhook-endpoints/" + id, ADMIN_KEY,
                "{\"eventTypes\":[\"notification.status_changed\"]}");
        HttpResponse<String> removed = send("DELETE", "/api/v1/webhook-endpoints/" + id, ADMIN_KEY, null);

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(disabled.body()).contains("\"enabled\":false");
        assertThat(retyped.body()).contains("\"enabled\":false").contains("[\"notification.status_changed\"]");
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/v1/webhook-endpoints/" + id, ADMIN_KEY, null).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesEndpointsInsideTheNetwork() throws Exception {
        for (String url : new String[] {"http://127.0.0.1:8080/", "http://169.254.169.254/latest/meta-data",
                "http://10.1.2.3/", "http://[::1]/"}) {
            HttpResponse<String> response = send("POST", "/api/v1/webhook-endpoints", ADMIN_KEY,
                    "{\"url\":\"" + url + "\",\"eventTypes\":[\"consent.changed\"]}");

            assertThat(response.statusCode()).as(url).isEqualTo(422);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"field\":\"/url\"");
        }
    }

    @Test
    void refusesUnknownEventTypesAndEmptySubscriptions() throws Exception {
        HttpResponse<String> unknown = send("POST", "/api/v1/webhook-endpoints", ADMIN_KEY,
                "{\"url\":\"https://8.8.8.8/\",\"eventTypes\":[\"everything\"]}");
        HttpResponse<String> empty = send("POST", "/api/v1/webhook-endpoints", ADMIN_KEY,
                "{\"url\":\"https://8.8.8.8/\",\"eventTypes\":[]}");

        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("/eventTypes");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("\"field\":\"/eventTypes\"");
    }

    @Test
    void needsAnApiKey() throws Exception {
        assertThat(send("GET", "/api/v1/webhook-endpoints", null, null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> send(String method, String path, String key, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
