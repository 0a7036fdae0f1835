package io.tidings.app.webhooks;

import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import io.tidings.persistence.SourceEventKey;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.tidings.app.webhooks.ZendeskSigning.now;
import static io.tidings.app.webhooks.ZendeskSigning.signature;
import static io.tidings.app.webhooks.ZendeskSigning.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;

/** Zendesk deliveries posted over HTTP as Zendesk sends them: signed, with no API key. */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:zendesk-webhooks;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AddConfig(key = "tidings.zendesk.webhook-secret", value = ZendeskWebhookTest.CURRENT_SECRET + ","
        + ZendeskWebhookTest.PREVIOUS_SECRET)
@AddConfig(key = "tidings.inbox.poll-interval", value = "PT0S")
class ZendeskWebhookTest {

    static final String CURRENT_SECRET = "zendesk-signing-secret-current";
    static final String PREVIOUS_SECRET = "zendesk-signing-secret-previous";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    WebTarget server;

    @Inject
    Jdbi jdbi;

    @Test
    void storesASignedEventSubscriptionDelivery() throws Exception {
        String id = UUID.randomUUID().toString();

        HttpResponse<String> response = post(statusChanged(id, "2026-11-22T09:00:00Z"), CURRENT_SECRET, now());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"received\":1,\"stored\":1}");
        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("source", "zendesk").containsEntry("status", "PENDING")
                .containsEntry("event_type", "zen:event-type:ticket.status_changed")
                .containsEntry("subject", "zen:ticket:35436")
                .containsEntry("payload", statusChanged(id, "2026-11-22T09:00:00Z"));
        assertThat(((OffsetDateTime) row.get("occurred_at")).toInstant()).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
        assertThat(row).as("keyed by the event's own time").containsEntry("dedup_key",
                SourceEventKey.of("zendesk", id, Instant.parse("2026-11-22T09:00:00Z")));
    }

    @Test
    void aRedeliveryIsAcknowledgedAndStoresNothingNew() throws Exception {
        String id = UUID.randomUUID().toString();
        post(statusChanged(id, "2026-11-22T09:00:00Z"), CURRENT_SECRET, now());

        HttpResponse<String> again = post(statusChanged(id, "2026-11-22T09:00:00Z"), CURRENT_SECRET, now());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"received\":1,\"stored\":0}");
        assertThat(rowsWith(id)).isEqualTo(1);
    }

    @Test
    void acceptsThePreviousSecretDuringRotation() throws Exception {
        String id = UUID.randomUUID().toString();

        HttpResponse<String> response = post(statusChanged(id, "2026-11-22T09:00:00Z"), PREVIOUS_SECRET, now());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rowsWith(id)).isEqualTo(1);
    }

    @Test
    void storesUnknownEventTypesForTheWorkersToIgnore() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = "{\"type\":\"zen:event-type:user.active_changed\",\"account_id\":12514403,\"id\":\"" + id + "\","
                + "\"time\":\"2026-11-22T09:05:00Z\",\"zendesk_event_version\":\"2022-06-20\","
                + "\"subject\":\"zen:user:6596848315901\",\"detail\":{\"id\":\"6596848315901\",\"role\":\"end-user\"},"
                + "\"event\":{\"current\":false,\"previous\":true}}";

        HttpResponse<String> response = post(body, CURRENT_SECRET, now());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(row(id)).containsEntry("event_type", "zen:event-type:user.active_changed");
    }

    @Test
    void storesATriggerDeliveryWithoutATimeAtItsReceipt() throws Exception {
        String id = "ticket-35436-audit-" + UUID.randomUUID();
        String body = "{\"id\":\"" + id + "\",\"type\":\"tidings:trigger:ticket.status_changed\","
                + "\"subject\":\"zen:ticket:35436\",\"detail\":{\"requester_id\":\"20978392\",\"status\":\"solved\"}}";
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        HttpResponse<String> response = post(body, CURRENT_SECRET, now());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(((OffsetDateTime) row(id).get("occurred_at")).toInstant()).isAfterOrEqualTo(before);
    }

    @Test
    void aTriggerDeliveryWithoutATimeIsStoredOnceHoweverLateItsRedelivery() throws Exception {
        String id = "ticket-35436-audit-" + UUID.randomUUID();
        String body = "{\"id\":\"" + id + "\",\"type\":\"tidings:trigger:ticket.status_changed\","
                + "\"subject\":\"zen:ticket:35436\"}";
        post(body, CURRENT_SECRET, now());
        Thread.sleep(5); // a later millisecond, so a key taken from the receipt time would differ

        HttpResponse<String> again = post(body, CURRENT_SECRET, now());

        assertThat(again.body()).isEqualTo("{\"received\":1,\"stored\":0}");
        assertThat(rowsWith(id)).isEqualTo(1);
    }

    @Test
    void refusesAForgedSignature() throws Exception {
        String id = UUID.randomUUID().toString();

        assertRefused(post(statusChanged(id, "2026-11-22T09:00:00Z"), "guessed-secret", now()), 401, id);
    }

    @Test
    void refusesABodyChangedAfterSigning() throws Exception {
        String id = UUID.randomUUID().toString();
        String timestamp = now();
        String signature = signature(CURRENT_SECRET, timestamp, statusChanged(id, "2026-11-22T09:00:00Z"));

        HttpResponse<String> response = send(statusChanged(id, "2026-11-22T09:59:00Z"), signature, timestamp);

        assertRefused(response, 401, id);
    }

    @Test
    void refusesAStaleDelivery() throws Exception {
        String id = UUID.randomUUID().toString();
        String sixMinutesAgo = Instant.now().minusSeconds(360).truncatedTo(ChronoUnit.SECONDS).toString();

        assertRefused(post(statusChanged(id, "2026-11-22T09:00:00Z"), CURRENT_SECRET, sixMinutesAgo), 401, id);
    }

    @Test
    void refusesAnUnsignedDelivery() throws Exception {
        String id = UUID.randomUUID().toString();

        assertRefused(send(statusChanged(id, "2026-11-22T09:00:00Z"), null, null), 401, id);
    }

    @Test
    void refusesSignedBodiesThatAreNotZendeskEvents() throws Exception {
        long before = rows();
        for (String body : new String[] {"{\"id\":", "[]", "{\"type\":\"zen:event-type:ticket.created\"}",
                "{\"id\":\"x\",\"type\":\"zen:event-type:ticket.created\",\"time\":\"yesterday\"}", "{} {}"}) {
            HttpResponse<String> response = post(body, CURRENT_SECRET, now());

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void refusesBodiesOverOneMebibyte() throws Exception {
        long before = rows();
        String body = "{\"id\":\"big\",\"type\":\"zen:event-type:ticket.created\",\"detail\":\"" + "a".repeat(1024 * 1024) + "\"}";

        HttpResponse<String> response = post(body, CURRENT_SECRET, now());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(rows()).isEqualTo(before);
    }

    private void assertRefused(HttpResponse<String> response, int status, String id) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).doesNotContain(CURRENT_SECRET);
        assertThat(rowsWith(id)).as("a refused delivery stores nothing").isZero();
    }

    private HttpResponse<String> post(String body, String secret, String timestamp) throws IOException, InterruptedException {
        return send(body, signature(secret, timestamp, body), timestamp);
    }

    private HttpResponse<String> send(String body, String signature, String timestamp) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getUri() + "/webhooks/zendesk"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Zendesk Webhook")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Zendesk-Webhook-Signature", signature);
        }
        if (timestamp != null) {
            request.header("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> row(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("select * from inbox where source_event_id = :id")
                .bind("id", id).mapToMap().one());
    }

    private long rowsWith(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from inbox where source_event_id = :id")
                .bind("id", id).mapTo(Long.class).one());
    }

    private long rows() {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from inbox").mapTo(Long.class).one());
    }
}
