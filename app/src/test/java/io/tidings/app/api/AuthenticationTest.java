package io.tidings.app.api;

import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.tidings.client.ApiException;
import io.tidings.client.api.ApiKeysApi;
import io.tidings.client.api.CustomersApi;
import io.tidings.client.model.ApiKey;
import io.tidings.client.model.ApiKeyInput;
import io.tidings.client.model.CreatedApiKey;
import io.tidings.client.model.CustomerInput;
import io.tidings.client.model.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:authentication" + TidingsApi.H2_MODE)
@AddConfig(key = "tidings.admin-key", value = TidingsApi.ADMIN_KEY)
class AuthenticationTest {

    @Inject
    WebTarget server;

    @Test
    void noKeyOrAnUnknownKeyIsUnauthorized() {
        URI uri = server.getUri();
        assertProblem(() -> new CustomersApi(TidingsApi.client(uri, null)).listCustomers(null, null, null, null, null), 401);
        assertProblem(() -> new CustomersApi(TidingsApi.client(uri, "tdk_nobody_knows_this_key_000000")).listCustomers(null, null, null, null, null), 401);
    }

    @Test
    void aBlankOrForeignSchemeIsUnauthorizedNotAnError() throws Exception {
        for (String authorization : List.of("Bearer    ", "Basic dXNlcjpwYXNz", "bearer")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.getUri().resolve("/api/v1/customers"))
                            .header("Authorization", authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
            assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"tidings\"");
        }
    }

    @Test
    void theBootstrapAdminIssuesKeysWhoseRolesDecideWhatTheyMayDo() throws ApiException {
        ApiKeysApi admin = new ApiKeysApi(TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY));
        CreatedApiKey agentKey = admin.createApiKey(new ApiKeyInput().name("help desk").role(Role.AGENT));
        CreatedApiKey integratorKey = admin.createApiKey(new ApiKeyInput().name("crm sync").role(Role.INTEGRATOR));

        assertThat(agentKey.getKey()).startsWith("tdk_").startsWith(agentKey.getPrefix());
        assertThat(admin.listApiKeys()).extracting(ApiKey::getName).contains("help desk", "crm sync");

        CustomersApi agent = new CustomersApi(TidingsApi.client(server.getUri(), agentKey.getKey()));
        CustomersApi integrator = new CustomersApi(TidingsApi.client(server.getUri(), integratorKey.getKey()));
        ApiKeysApi integratorOnKeys = new ApiKeysApi(TidingsApi.client(server.getUri(), integratorKey.getKey()));

        assertThat(agent.listCustomers(null, null, null, null, null).getItems()).isNotNull();
        assertProblem(() -> agent.createCustomer(new CustomerInput().email("a@example.com")), 403);
        assertThat(integrator.createCustomer(new CustomerInput().email("b@example.com")).getEmail()).isEqualTo("b@example.com");
        assertProblem(integratorOnKeys::listApiKeys, 403);

        admin.revokeApiKey(agentKey.getId());

        assertProblem(() -> agent.listCustomers(null, null, null, null, null), 401);
        assertThat(admin.listApiKeys()).filteredOn(key -> key.getId().equals(agentKey.getId()))
                .singleElement().satisfies(key -> assertThat(key.getRevokedAt()).isNotNull());
    }

    @Test
    void secretsAreShownOnceOnly() throws ApiException {
        ApiKeysApi admin = new ApiKeysApi(TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY));
        CreatedApiKey created = admin.createApiKey(new ApiKeyInput().name("once").role(Role.INTEGRATOR));

        String listing = admin.listApiKeysWithHttpInfo().getData().toString();

        assertThat(listing).doesNotContain(created.getKey());
    }

    private static void assertProblem(ThrowingCallable call, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getCode()).isEqualTo(status);
            assertThat(e.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
            assertThat(e.getResponseBody()).contains("\"status\":" + status);
        });
    }
}
