package io.tidings.app.webhooks;

import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Account-change events a Salesforce Flow posts, signed per Standard Webhooks. */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:salesforce-events;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AddConfig(key = "tidings.salesforce.events-secret", value = SalesforceEventsWebhookTest.SECRET)
class SalesforceEventsWebhookTest {

    /** whsec_ + base64("tidings-flow-secret-0123456789ab"). */
    static final String SECRET = "whsec_dGlkaW5ncy1mbG93LXNlY3JldC0wMTIzNDU2Nzg5YWI=";
    private static final String BODY = "{\"type\":\"account.changed\",\"timestamp\":\"2026-11-22T09:30:00Z\","
            + "\"data\":{\"recordId\":\"0015e00000ZkM3hAAF\",\"changes\":{\"Status__c\":\"Suspended\"}}}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    WebTarget server;

    @Inject
    Jdbi jdbi;

    @Test
    void storesASignedEventOnceUnderItsWebhookId() throws Exception {
        String id = "msg_" + UUID.randomUUID();

        HttpResponse<String> first = post(id, BODY, SECRET);
        HttpResponse<String> retry = post(id, BODY, SECRET);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"received\":1,\"stored\":1}");
        assertThat(retry.body()).isEqualTo("{\"received\":1,\"stored\":0}");
        List<String> stored = jdbi.withHandle(handle -> handle.createQuery("select source || ' ' || event_type || ' ' "
                + "|| subject from inbox where source_event_id = :id").bind("id", id).mapTo(String.class).list());
        assertThat(stored).containsExactly("salesforce-flow account.changed salesforce:0015e00000ZkM3hAAF");
    }

    @Test
    void refusesAForgedEvent() throws Exception {
        String id = "msg_" + UUID.randomUUID();

        HttpResponse<String> response = post(id, BODY, "whsec_" + Base64.getEncoder().encodeToString(new byte[32]));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(rowsWith(id)).isZero();
    }

    @Test
    void refusesASignedEventWithoutAType() throws Exception {
        String id = "msg_" + UUID.randomUUID();

        HttpResponse<String> response = post(id, "{\"timestamp\":\"2026-11-22T09:30:00Z\",\"data\":{}}", SECRET);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(rowsWith(id)).isZero();
    }

    private HttpResponse<String> post(String id, String body, String secret) throws IOException, InterruptedException {
        long timestamp = Instant.now().getEpochSecond();
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getUri() + "/webhooks/salesforce/events"))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private long rowsWith(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from inbox where source_event_id = :id")
                .bind("id", id).mapTo(Long.class).one());
    }

    private static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
