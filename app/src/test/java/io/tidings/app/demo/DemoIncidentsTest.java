package io.tidings.app.demo;

import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.tidings.app.api.TidingsApi;
import io.tidings.client.api.CustomersApi;
import io.tidings.client.api.IncidentsApi;
import io.tidings.client.model.Incident;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's seeded outage affects the demo customers it says it does, and a restart declares it once. */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:demo-incidents" + TidingsApi.H2_MODE)
@AddConfig(key = "tidings.admin-key", value = TidingsApi.ADMIN_KEY)
class DemoIncidentsTest {

    @Inject
    WebTarget server;

    @Test
    void theSeededOutageAffectsJonasAndArohaAndIsDeclaredOnce() throws Exception {
        String baseUrl = server.getUri().toString().replaceAll("/$", "");
        DemoCustomers.seed(baseUrl, TidingsApi.ADMIN_KEY);

        Incident first = DemoIncidents.seed(baseUrl, TidingsApi.ADMIN_KEY);
        Incident again = DemoIncidents.seed(baseUrl, TidingsApi.ADMIN_KEY);

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(again.getAffectedCustomers()).isEqualTo(2);
        assertThat(first.getAffectedCustomers()).isEqualTo(2);
        IncidentsApi incidents = new IncidentsApi(TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY));
        assertThat(incidents.listIncidents("active", null)).hasSize(1);
        for (String zendeskUserId : new String[] {"1001", "1002", "1003", "1004", "1005"}) {
            boolean affected = zendeskUserId.equals("1002") || zendeskUserId.equals("1004");
            assertThat(incidents.listCustomerIncidents(customer(zendeskUserId))).as("customer " + zendeskUserId)
                    .hasSize(affected ? 1 : 0);
        }
        assertThat(DemoIncidents.tryLines(baseUrl, TidingsApi.ADMIN_KEY, first))
                .contains("/api/v1/incidents/" + first.getId() + "/updates").contains("\"status\":\"RESOLVED\"");
    }

    private UUID customer(String zendeskUserId) throws Exception {
        return new CustomersApi(TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY))
                .listCustomers(1, null, zendeskUserId, null, null).getItems().getFirst().getId();
    }
}
