package io.tidings.app.api;

import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.tidings.client.ApiException;
import io.tidings.client.api.CustomersApi;
import io.tidings.client.model.CustomerInput;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:operations" + TidingsApi.H2_MODE)
@AddConfig(key = "tidings.admin-key", value = TidingsApi.ADMIN_KEY)
class OperationsTest {

    @Inject
    WebTarget server;

    @Test
    void healthSaysLiveAndReadyWithTheDatabaseCheck() {
        assertThat(server.path("/health/live").request().get().getStatus()).isEqualTo(200);
        Response ready = server.path("/health/ready").request().get();

        assertThat(ready.getStatus()).isEqualTo(200);
        assertThat(ready.readEntity(String.class)).contains("\"database\"").contains("\"UP\"");
    }

    @Test
    void metricsArePrometheusText() {
        Response metrics = server.path("/metrics").request("text/plain").get();

        assertThat(metrics.getStatus()).isEqualTo(200);
        assertThat(metrics.readEntity(String.class)).contains("# TYPE");
    }

    @Test
    void openApiServesTheSpecTheServerImplements() {
        Response spec = server.path("/openapi").request().get();

        assertThat(spec.getStatus()).isEqualTo(200);
        assertThat(spec.readEntity(String.class))
                .contains("Tidings API")
                .contains("/api/v1/customers/bulk")
                .contains("bulkUpsertCustomers")
                .contains("/webhooks/zendesk").contains("/webhooks/salesforce/events").contains("receiveSalesforceOutboundMessage");
    }

    @Test
    void requestLogsNameRoutesButNoEmailsOrPhoneNumbers() throws ApiException {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger requests = Logger.getLogger("io.tidings.requests");
        requests.addHandler(capture);
        try {
            CustomersApi customers = new CustomersApi(TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY));
            var created = customers.createCustomer(new CustomerInput().email("private.person@example.com").phone("+12015550123"));
            customers.getCustomer(created.getId());
        } finally {
            requests.removeHandler(capture);
        }

        assertThat(lines).anySatisfy(line -> assertThat(line).contains("POST /api/v1/customers 201"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("GET /api/v1/customers/{customerId} 200"));
        assertThat(String.join("\n", lines)).doesNotContain("private.person").doesNotContain("2015550123");
    }
}
