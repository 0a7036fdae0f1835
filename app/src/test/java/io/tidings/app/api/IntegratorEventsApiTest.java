package io.tidings.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.tidings.client.ApiClient;
import io.tidings.client.ApiException;
import io.tidings.client.api.ConsentsApi;
import io.tidings.client.api.CustomersApi;
import io.tidings.client.api.IncidentsApi;
import io.tidings.client.api.PreferencesApi;
import io.tidings.client.api.WebhookEndpointsApi;
import io.tidings.client.model.Category;
import io.tidings.client.model.Channel;
import io.tidings.client.model.ChannelChoice;
import io.tidings.client.model.ConsentEvidence;
import io.tidings.client.model.ConsentInput;
import io.tidings.client.model.ConsentPurpose;
import io.tidings.client.model.ConsentSource;
import io.tidings.client.model.ConsentStatus;
import io.tidings.client.model.CreatedWebhookEndpoint;
import io.tidings.client.model.CustomerInput;
import io.tidings.client.model.IncidentInput;
import io.tidings.client.model.IncidentKind;
import io.tidings.client.model.IncidentScope;
import io.tidings.client.model.IncidentSeverity;
import io.tidings.client.model.IncidentStatus;
import io.tidings.client.model.IncidentUpdateInput;
import io.tidings.client.model.PreferencesPatch;
import io.tidings.client.model.WebhookEndpointInput;
import io.tidings.client.model.WebhookEventType;
import io.tidings.consent.ChannelScope;
import io.tidings.consent.ConsentBasis;
import io.tidings.consent.ConsentStatement;
import io.tidings.consent.Evidence;
import io.tidings.customer.CustomerStore;
import io.tidings.http.JsonMapping;
import io.tidings.ledger.ConsentLedger;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Consent, preference and incident changes made through the API reach a subscribed integrator as
 * signed {@code consent.changed}, {@code preferences.changed} and {@code incident.updated} webhooks;
 * a change that rolls back sends nothing.
 */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:integrator-events" + TidingsApi.H2_MODE)
@AddConfig(key = "tidings.admin-key", value = TidingsApi.ADMIN_KEY)
@AddConfig(key = "tidings.webhooks.allow-private-addresses", value = "true")
@AddConfig(key = "tidings.webhooks.dispatch-interval", value = "PT0.1S")
class IntegratorEventsApiTest {

    /** A received webhook: its signature headers and body. */
    private record Received(Map<String, List<String>> headers, String body) {
    }

    @Inject
    WebTarget server;

    @Inject
    ConsentLedger ledger;

    @Inject
    CustomerStore customers;

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private HttpServer receiver;
    private ApiClient admin;
    private Webhook verifier;
    private UUID customer;

    @BeforeEach
    void subscribe() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            Map<String, List<String>> signed = Map.of("webhook-id", exchange.getRequestHeaders().get("webhook-id"),
                    "webhook-timestamp", exchange.getRequestHeaders().get("webhook-timestamp"),
                    "webhook-signature", exchange.getRequestHeaders().get("webhook-signature"));
            received.add(new Received(signed, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        admin = TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY);
        CreatedWebhookEndpoint endpoint = new WebhookEndpointsApi(admin).createWebhookEndpoint(new WebhookEndpointInput()
                .url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks")
                .eventTypes(Set.of(WebhookEventType.CONSENT_CHANGED, WebhookEventType.PREFERENCES_CHANGED,
                        WebhookEventType.INCIDENT_UPDATED)));
        verifier = new Webhook(endpoint.getSecret());
        customer = new CustomersApi(admin).createCustomer(new CustomerInput()
                .email("amara@example.com").phone("+12015550123")).getId();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aRecordedConsentIsSentAsConsentChanged() throws Exception {
        new ConsentsApi(admin).recordConsent(customer, new ConsentInput().purpose(ConsentPurpose.MARKETING)
                .status(ConsentStatus.GRANTED).source(ConsentSource.PREFERENCE_CENTRE)
                .channels(List.of(Channel.SMS)).evidence(new ConsentEvidence().ipAddress("203.0.113.7")));

        JsonNode event = nextVerified();

        assertThat(event.get("type").asText()).isEqualTo("consent.changed");
        JsonNode data = event.get("data");
        assertThat(data.get("customerId").asText()).isEqualTo(customer.toString());
        assertThat(data.get("sequence").asLong()).isEqualTo(1);
        assertThat(data.get("purpose").asText()).isEqualTo("marketing");
        assertThat(data.get("status").asText()).isEqualTo("GRANTED");
        assertThat(data.get("source").asText()).isEqualTo("PREFERENCE_CENTRE");
        assertThat(data.get("channels").toString()).isEqualTo("[\"SMS\"]");
        assertThat(event.toString()).as("no contact points, no evidence")
                .doesNotContain("amara@example.com", "+12015550123", "203.0.113.7");
    }

    @Test
    void aPreferenceUpdateIsSentAsPreferencesChangedWithWhatChanged() throws Exception {
        new PreferencesApi(admin).updatePreferences(customer, new PreferencesPatch()
                .choices(List.of(new ChannelChoice().category(Category.PROMOTIONAL).channel(Channel.EMAIL).enabled(true))));

        JsonNode event = nextVerified();

        assertThat(event.get("type").asText()).isEqualTo("preferences.changed");
        JsonNode data = event.get("data");
        assertThat(data.get("customerId").asText()).isEqualTo(customer.toString());
        assertThat(data.get("version").asInt()).isEqualTo(1);
        assertThat(data.get("changes").toString())
                .isEqualTo("[{\"setting\":\"choice\",\"category\":\"PROMOTIONAL\",\"channel\":\"EMAIL\",\"after\":\"true\"}]");
    }

    @Test
    void aDeclaredAndResolvedIncidentIsSentAsIncidentUpdated() throws Exception {
        IncidentsApi incidents = new IncidentsApi(admin);
        UUID id = incidents.declareIncident(new IncidentInput().title("Payments outage").kind(IncidentKind.UNPLANNED_OUTAGE)
                .severity(IncidentSeverity.CRITICAL).message("Card payments fail.")
                .scope(new IncidentScope().services(Set.of("payments")).regions(Set.of("DE")))).getId();
        incidents.postIncidentUpdate(id, new IncidentUpdateInput().status(IncidentStatus.RESOLVED).message("Fixed."));

        JsonNode declared = nextVerified();
        JsonNode resolved = nextVerified();

        assertThat(declared.get("type").asText()).isEqualTo("incident.updated");
        JsonNode data = declared.get("data");
        assertThat(data.get("incidentId").asText()).isEqualTo(id.toString());
        assertThat(data.get("sequence").asInt()).isZero();
        assertThat(data.get("title").asText()).isEqualTo("Payments outage");
        assertThat(data.get("kind").asText()).isEqualTo("UNPLANNED_OUTAGE");
        assertThat(data.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(data.get("scope").toString())
                .isEqualTo("{\"services\":[\"payments\"],\"regions\":[\"DE\"],\"segments\":[]}");
        assertThat(data.get("update").get("status").asText()).isEqualTo("INVESTIGATING");
        assertThat(data.get("update").get("message").asText()).isEqualTo("Card payments fail.");
        assertThat(data.has("resolvedAt")).isFalse();
        assertThat(resolved.get("data").get("sequence").asInt()).isEqualTo(1);
        assertThat(resolved.get("data").get("update").get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("data").get("resolvedAt").asText()).isNotBlank();
    }

    @Test
    void aConsentChangeThatRollsBackSendsNothing() throws Exception {
        ConsentStatement revoked = new ConsentStatement(io.tidings.consent.ConsentPurpose.MARKETING,
                io.tidings.consent.ConsentStatus.REVOKED, ConsentBasis.EXPLICIT, ChannelScope.all(), Instant.now(),
                Instant.now(), null, io.tidings.consent.ConsentSource.AGENT, Evidence.none());
        assertThatThrownBy(() -> customers.inTransaction(handle -> {
            customers.lock(handle, customer);
            ledger.append(handle, customer, revoked);
            throw new IllegalStateException("a later step of the same unit of work fails");
        })).hasMessageContaining("later step");
        ledger.record(customer, new ConsentStatement(io.tidings.consent.ConsentPurpose.PROFILING,
                io.tidings.consent.ConsentStatus.DENIED, ConsentBasis.EXPLICIT, ChannelScope.all(), Instant.now(),
                Instant.now(), null, io.tidings.consent.ConsentSource.AGENT, Evidence.none()));

        JsonNode event = nextVerified();

        assertThat(event.get("data").get("purpose").asText()).as("the rolled-back revocation was never sent")
                .isEqualTo("profiling");
        assertThat(event.get("data").get("sequence").asLong()).isEqualTo(1);
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    /** The next webhook the receiver got, its Standard Webhooks signature verified. */
    private JsonNode nextVerified() throws Exception {
        Received webhook = received.poll(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(webhook).as("a webhook within 10 s").isNotNull();
        assertThatCode(() -> verifier.verify(webhook.body(), webhook.headers())).doesNotThrowAnyException();
        return JsonMapping.MAPPER.readTree(webhook.body());
    }
}
