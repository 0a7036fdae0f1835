package io.tidings.app.api;

import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.tidings.client.ApiClient;
import io.tidings.client.ApiException;
import io.tidings.client.api.ApiKeysApi;
import io.tidings.client.api.CustomersApi;
import io.tidings.client.api.DecisionsApi;
import io.tidings.client.api.IncidentsApi;
import io.tidings.client.model.ApiKeyInput;
import io.tidings.client.model.Category;
import io.tidings.client.model.Channel;
import io.tidings.client.model.ChannelDecision;
import io.tidings.client.model.CustomerInput;
import io.tidings.client.model.DecisionExplanation;
import io.tidings.client.model.EventKind;
import io.tidings.client.model.ExplainRequest;
import io.tidings.client.model.Incident;
import io.tidings.client.model.IncidentInput;
import io.tidings.client.model.IncidentKind;
import io.tidings.client.model.IncidentScope;
import io.tidings.client.model.IncidentSeverity;
import io.tidings.client.model.IncidentStatus;
import io.tidings.client.model.IncidentUpdateInput;
import io.tidings.client.model.Region;
import io.tidings.client.model.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Declaring, updating and resolving incidents over the API, who may, and whom they affect. */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:incidents-api" + TidingsApi.H2_MODE)
@AddConfig(key = "tidings.admin-key", value = TidingsApi.ADMIN_KEY)
class IncidentsApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Countries no two tests here scope an incident to, so tests sharing the database do not see each other's. */
    private static final List<String> COUNTRIES = List.of("AT", "BE", "CH", "DK", "ES", "FI", "IE", "IT", "NL", "NO");
    private static final AtomicInteger NEXT_COUNTRY = new AtomicInteger();

    @Inject
    WebTarget server;

    @Inject
    Jdbi jdbi;

    private ApiClient admin;
    private IncidentsApi incidents;

    @BeforeEach
    void connect() {
        admin = TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY);
        incidents = new IncidentsApi(admin);
    }

    @Test
    void anIncidentIsDeclaredUpdatedAndResolvedWithItsTimelineAndAffectedCount() throws Exception {
        String region = uniqueRegion();
        CustomersApi customers = new CustomersApi(admin);
        UUID affected = customers.createCustomer(new CustomerInput().region(new Region().country(region))
                .services(Set.of("broadband"))).getId();
        customers.createCustomer(new CustomerInput().region(new Region().country(region)).services(Set.of("broadband", "tv")));
        customers.createCustomer(new CustomerInput().region(new Region().country(region)).services(Set.of("mobile")));

        Incident declared = incidents.declareIncident(new IncidentInput().title("  Broadband down  ")
                .kind(IncidentKind.UNPLANNED_OUTAGE).severity(IncidentSeverity.MAJOR).message("Investigating.")
                .scope(new IncidentScope().services(Set.of("broadband")).regions(Set.of(region))));

        assertThat(declared.getTitle()).isEqualTo("Broadband down");
        assertThat(declared.getStatus()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(declared.getAffectedCustomers()).isEqualTo(2);
        assertThat(declared.getTimeline()).singleElement().satisfies(update -> {
            assertThat(update.getBy()).isEqualTo("bootstrap admin (tidings.admin-key)");
            assertThat(update.getMessage()).isEqualTo("Investigating.");
        });
        assertThat(incidents.listIncidents("active", null)).extracting(Incident::getId).contains(declared.getId());
        assertThat(incidents.listCustomerIncidents(affected)).extracting(Incident::getId).containsExactly(declared.getId());

        incidents.postIncidentUpdate(declared.getId(), new IncidentUpdateInput().status(IncidentStatus.MONITORING)
                .message("Fix deployed."));
        Incident resolved = incidents.postIncidentUpdate(declared.getId(), new IncidentUpdateInput()
                .status(IncidentStatus.RESOLVED).message("All good."));

        assertThat(resolved.getResolvedAt()).isNotNull();
        assertThat(incidents.getIncident(declared.getId()).getTimeline()).extracting(update -> update.getStatus())
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING, IncidentStatus.RESOLVED);
        assertThat(incidents.listIncidents("active", null)).extracting(Incident::getId).doesNotContain(declared.getId());
        assertThat(incidents.listIncidents("resolved", null)).extracting(Incident::getId).contains(declared.getId());
        assertThat(incidents.listCustomerIncidents(affected)).isEmpty();
        assertThatThrownBy(() -> incidents.postIncidentUpdate(declared.getId(), new IncidentUpdateInput()
                .status(IncidentStatus.INVESTIGATING).message("It is back?")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getResponseBody()).contains("\"field\":\"/status\"").contains("resolved");
                });
    }

    @Test
    void agentsReadWhatAffectsACustomerButOnlyAdminsDeclareOrUpdate() throws Exception {
        String agentKey = new ApiKeysApi(admin).createApiKey(new ApiKeyInput().name("agent").role(Role.AGENT)).getKey();
        IncidentsApi asAgent = new IncidentsApi(TidingsApi.client(server.getUri(), agentKey));
        String region = uniqueRegion();
        UUID customer = new CustomersApi(admin).createCustomer(new CustomerInput().region(new Region().country(region))).getId();
        Incident declared = declare(region);

        assertThat(asAgent.listCustomerIncidents(customer)).extracting(Incident::getId).containsExactly(declared.getId());
        assertThat(asAgent.getIncident(declared.getId()).getAffectedCustomers()).isEqualTo(1);
        assertThatThrownBy(() -> asAgent.declareIncident(input(region)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        assertThatThrownBy(() -> asAgent.postIncidentUpdate(declared.getId(),
                new IncidentUpdateInput().status(IncidentStatus.RESOLVED).message("not mine to say")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        assertThatThrownBy(() -> asAgent.listCustomerIncidents(UUID.randomUUID()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void decisionsForAnAffectedCustomerNameTheIncidentInTheirTrail() throws Exception {
        String region = uniqueRegion();
        UUID customer = new CustomersApi(admin).createCustomer(new CustomerInput().email("kim@example.com")
                .region(new Region().country(region))).getId();
        declare(region);

        DecisionExplanation explained = new DecisionsApi(admin).explainDecision(new ExplainRequest().customerId(customer)
                .eventKind(EventKind.TICKET_STATUS_CHANGED).category(Category.TRANSACTIONAL).channels(List.of(Channel.EMAIL)));

        ChannelDecision email = explained.getDecisions().getFirst();
        assertThat(email.getTrail()).anySatisfy(step -> {
            assertThat(step.getRule()).isEqualTo("incident");
            assertThat(step.getDescription()).contains("Outage in " + region);
        });
    }

    static Stream<Arguments> mistakes() {
        String valid = "\"title\":\"t\",\"kind\":\"UNPLANNED_OUTAGE\",\"severity\":\"MINOR\",\"message\":\"m\"";
        return Stream.of(
                arguments("unknown kind", "{\"title\":\"t\",\"kind\":\"METEOR\",\"severity\":\"MINOR\",\"message\":\"m\"}", "/kind"),
                arguments("missing severity", "{\"title\":\"t\",\"kind\":\"UNPLANNED_OUTAGE\",\"message\":\"m\"}", "/severity"),
                arguments("blank title", "{\"title\":\"  \",\"kind\":\"UNPLANNED_OUTAGE\",\"severity\":\"MINOR\",\"message\":\"m\"}", "/title"),
                arguments("region that is a name", "{" + valid + ",\"scope\":{\"regions\":[\"DE\",\"Germany\"]}}", "/scope/regions/1"),
                arguments("region in no country", "{" + valid + ",\"scope\":{\"regions\":[\"XX-CA\"]}}", "/scope/regions/0"),
                arguments("service not a tag", "{" + valid + ",\"scope\":{\"services\":[\"Broad Band\"]}}", "/scope/services/0"),
                arguments("declared resolved", "{" + valid + ",\"status\":\"RESOLVED\"}", "/status"),
                arguments("unknown field", "{" + valid + ",\"colour\":\"red\"}", "/colour"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void mistakes(String name, String body, String field) throws IOException, InterruptedException {
        long before = incidentRows();

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.getUri() + "/api/v1/incidents"))
                .header("Authorization", "Bearer " + TidingsApi.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
        assertThat(incidentRows()).as("nothing declared").isEqualTo(before);
    }

    @Test
    void anUnknownStatusFilterIsNamed() {
        assertThatThrownBy(() -> incidents.listIncidents("ongoing", null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getResponseBody()).contains("\"field\":\"status\"");
                });
    }

    private Incident declare(String region) throws ApiException {
        return incidents.declareIncident(input(region));
    }

    private static IncidentInput input(String region) {
        return new IncidentInput().title("Outage in " + region).kind(IncidentKind.UNPLANNED_OUTAGE)
                .severity(IncidentSeverity.CRITICAL).message("Down.").scope(new IncidentScope().regions(Set.of(region)));
    }

    private static String uniqueRegion() {
        return COUNTRIES.get(NEXT_COUNTRY.getAndIncrement());
    }

    private long incidentRows() {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from incident").mapTo(Long.class).one());
    }
}
