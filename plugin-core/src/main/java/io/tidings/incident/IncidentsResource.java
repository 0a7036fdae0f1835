package io.tidings.incident;

import io.tidings.api.IncidentsApi;
import io.tidings.api.model.IncidentInput;
import io.tidings.api.model.IncidentUpdateInput;
import io.tidings.auth.Caller;
import io.tidings.error.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

/** {@code /api/v1/incidents}: admins declare and update incidents; every role reads them and whom they affect. */
@ApplicationScoped
public class IncidentsResource implements IncidentsApi {

    private static final int MAX_LIMIT = 500;

    private final Incidents incidents;

    @Context
    SecurityContext security;

    @Inject
    public IncidentsResource(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response listIncidents(String status, Integer limit) {
        IncidentFilter filter = filter(status);
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInputException("limit", "1 to " + MAX_LIMIT);
        }
        return Response.ok(incidents.list(filter, size).stream().map(incident -> IncidentJson.toApi(incident, null))
                .toList()).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response declareIncident(IncidentInput input) {
        Incident declared = incidents.declare(IncidentInputs.read(input), Caller.of(security).key().name());
        return Response.created(URI.create("/api/v1/incidents/" + declared.id())).entity(counted(declared)).build();
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response getIncident(UUID incidentId) {
        return Response.ok(counted(incidents.get(incidentId))).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response postIncidentUpdate(UUID incidentId, IncidentUpdateInput input) {
        StatusUpdate update = IncidentInputs.read(input);
        return Response.ok(counted(incidents.update(incidentId, update, Caller.of(security).key().name()))).build();
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response listCustomerIncidents(UUID customerId) {
        return Response.ok(incidents.affecting(customerId).stream().map(incident -> IncidentJson.toApi(incident, null))
                .toList()).build();
    }

    private io.tidings.api.model.Incident counted(Incident incident) {
        return IncidentJson.toApi(incident, incidents.affectedCustomers(incident));
    }

    private static IncidentFilter filter(String status) {
        String name = status == null ? "active" : status.strip();
        for (IncidentFilter filter : IncidentFilter.values()) {
            if (filter.name().toLowerCase(Locale.ROOT).equals(name)) {
                return filter;
            }
        }
        throw new InvalidInputException("status", "one of active, upcoming, resolved, all");
    }
}
