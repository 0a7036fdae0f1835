package io.tidings.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's "done when": a preference changed through the API shows up in the sandbox Zendesk
 * user's fields, written by the running server's sync; and a consent an agent unticks in Zendesk
 * comes back as a crm-sync revocation.
 */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:zendesk-field-sync;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AddConfig(key = "tidings.admin-key", value = ZendeskFieldSyncTest.ADMIN_KEY)
@AddConfig(key = "tidings.zendesk.sync.poll-interval", value = "PT0.2S")
@AddConfig(key = "tidings.zendesk.sync.job-poll-interval", value = "PT0.05S")
@AddConfig(key = "tidings.zendesk.drift.poll-interval", value = "PT0.3S")
class ZendeskFieldSyncTest {

    static final String ADMIN_KEY = "tdk_zendesk_sync_test_admin_key_0123";
    private static final Sandbox ZENDESK = Sandbox.start("zendesk", new ZendeskSandboxState());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebTarget server;

    @AddConfigSource
    static ConfigSource zendeskAccount() {
        return MpConfigSources.create(Map.of(
                "tidings.zendesk.base-url", ZENDESK.baseUrl(),
                "tidings.zendesk.email", "tidings@example.com",
                "tidings.zendesk.api-token", "zendesk-sync-test-token"));
    }

    @AfterAll
    static void stop() {
        ZENDESK.close();
    }

    @Test
    void aPreferenceChangeShowsInTheZendeskUsersFields() throws Exception {
        Response created = authorized(server.path("/api/v1/customers")).post(Entity.json(
                "{\"externalRefs\":{\"zendeskUserId\":\"1003\"},\"timeZone\":\"Asia/Tokyo\"}"));
        assertThat(created.getStatus()).isEqualTo(201);
        String id = JSON.readTree(created.readEntity(String.class)).path("id").asText();

        Response changed = authorized(server.path("/api/v1/customers/" + id + "/preferences")).put(
                Entity.json("{\"choices\":[{\"category\":\"PROMOTIONAL\",\"channel\":\"SMS\",\"enabled\":true}],"
                        + "\"quietHours\":[{\"channel\":\"SMS\",\"start\":\"22:00\",\"end\":\"07:00\"}]}"));
        assertThat(changed.getStatus()).isEqualTo(200);

        JsonNode fields = awaitFields("1003", "tidings_promotional_sms");
        assertThat(fields.path("tidings_promotional_sms").asBoolean()).isTrue();
        assertThat(fields.path("tidings_promotional_email").asBoolean()).isFalse();
        assertThat(fields.path("tidings_quiet_hours").asText()).isEqualTo("SMS 22:00-07:00");
        assertThat(fields.path("tidings_time_zone").asText()).isEqualTo("Asia/Tokyo");
    }

    @Test
    void aConsentUntickedInZendeskIsRevokedInTheLedgerAsCrmSync() throws Exception {
        Response created = authorized(server.path("/api/v1/customers")).post(Entity.json(
                "{\"externalRefs\":{\"zendeskUserId\":\"1004\"}}"));
        String id = JSON.readTree(created.readEntity(String.class)).path("id").asText();
        Response granted = authorized(server.path("/api/v1/customers/" + id + "/consents")).post(Entity.json(
                "{\"purpose\":\"marketing\",\"status\":\"GRANTED\",\"source\":\"PREFERENCE_CENTRE\","
                        + "\"channels\":[\"SMS\"],\"evidence\":{\"noticeVersion\":\"2026-01\"}}"));
        assertThat(granted.getStatus()).isEqualTo(201);
        assertThat(awaitFields("1004", "tidings_sms_opt_in").path("tidings_sms_opt_in").asBoolean()).isTrue();

        HttpResponse<String> edited = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(ZENDESK.baseUrl() + "/api/v2/users/1004.json"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"user\":{\"user_fields\":{\"tidings_sms_opt_in\":false}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(edited.statusCode()).isEqualTo(200);

        JsonNode last = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JsonNode records = JSON.readTree(authorized(server.path("/api/v1/customers/" + id + "/consents")).get()
                    .readEntity(String.class));
            last = records.get(records.size() - 1);
            if ("CRM_SYNC".equals(last.path("source").asText())) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(last.path("source").asText()).isEqualTo("CRM_SYNC");
        assertThat(last.path("status").asText()).isEqualTo("REVOKED");
    }

    private static jakarta.ws.rs.client.Invocation.Builder authorized(WebTarget target) {
        return target.request(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + ADMIN_KEY);
    }

    private static JsonNode awaitFields(String zendeskUserId, String key) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            HttpResponse<String> user = http.send(HttpRequest.newBuilder(
                    URI.create(ZENDESK.baseUrl() + "/api/v2/users/" + zendeskUserId + ".json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode fields = JSON.readTree(user.body()).path("user").path("user_fields");
            if (fields.has(key) || Instant.now().isAfter(deadline)) {
                return fields;
            }
            Thread.sleep(100);
        }
    }
}
