package io.tidings.app.demo;

import io.tidings.client.ApiClient;
import io.tidings.client.ApiException;
import io.tidings.client.api.IncidentsApi;
import io.tidings.client.model.Incident;
import io.tidings.client.model.IncidentInput;
import io.tidings.client.model.IncidentKind;
import io.tidings.client.model.IncidentScope;
import io.tidings.client.model.IncidentSeverity;

import java.util.Set;

/**
 * Declares the demo's active incident through the public API: a broadband outage in Germany and
 * New Zealand, which affects demo customers 1002 (Jonas, Berlin) and 1004 (Aroha, Auckland). A
 * restart finds it active and declares nothing.
 */
final class DemoIncidents {

    static final String TITLE = "Broadband outage: upstream transit fault";

    private DemoIncidents() {
    }

    static Incident seed(String baseUrl, String adminKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + adminKey));
        IncidentsApi incidents = new IncidentsApi(client);
        try {
            for (Incident active : incidents.listIncidents("active", 500)) {
                if (active.getTitle().equals(TITLE)) {
                    return incidents.getIncident(active.getId());
                }
            }
            return incidents.declareIncident(new IncidentInput().title(TITLE).kind(IncidentKind.UNPLANNED_OUTAGE)
                    .severity(IncidentSeverity.MAJOR).message("Broadband customers in Germany and New Zealand cannot connect.")
                    .scope(new IncidentScope().services(Set.of("broadband")).regions(Set.of("DE", "NZ"))));
        } catch (ApiException e) {
            throw new IllegalStateException("Declaring the demo incident failed with " + e.getCode() + ": "
                    + e.getResponseBody(), e);
        }
    }

    /** Curl lines that read, update and resolve the incident, and declare a maintenance window. */
    static String tryLines(String baseUrl, String adminKey, Incident incident) {
        return ("""
                   curl -s -H 'Authorization: Bearer %2$s' %1$s/api/v1/incidents/%3$s     (the demo outage: timeline, %4$d customers affected)
                   curl -s -H 'Authorization: Bearer %2$s' -H 'Content-Type: application/json' %1$s/api/v1/incidents/%3$s/updates \\
                        -d '{"status":"IDENTIFIED","message":"A fibre cut at the transit provider."}'
                   curl -s -H 'Authorization: Bearer %2$s' -H 'Content-Type: application/json' %1$s/api/v1/incidents/%3$s/updates \\
                        -d '{"status":"RESOLVED","message":"Traffic rerouted; all customers back online."}'
                   curl -s -H 'Authorization: Bearer %2$s' -H 'Content-Type: application/json' %1$s/api/v1/incidents \\
                        -d '{"title":"Mobile core maintenance","kind":"SCHEDULED_MAINTENANCE","severity":"MINOR","startsAt":"2030-01-05T02:00:00Z","message":"Planned upgrade.","scope":{"services":["mobile"],"regions":["US-NY","IN"]}}'
                """).formatted(baseUrl, adminKey, incident.getId(), incident.getAffectedCustomers());
    }
}
