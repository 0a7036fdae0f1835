package io.tidings.preference;

import io.tidings.api.PreferencesApi;
import io.tidings.api.model.PreferencesInput;
import io.tidings.api.model.PreferencesPatch;
import io.tidings.auth.Caller;
import io.tidings.error.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.UUID;
import java.util.function.UnaryOperator;

/** {@code /api/v1/customers/{id}/preferences}: everyone reads; agents change them with the ticket at hand. */
@ApplicationScoped
public class PreferencesResource implements PreferencesApi {

    private final CustomerPreferences preferences;

    @Context
    SecurityContext security;

    @Inject
    public PreferencesResource(CustomerPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response getPreferences(UUID customerId) {
        return Response.ok(PreferencesJson.toApi(preferences.get(customerId))).build();
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response replacePreferences(UUID customerId, PreferencesInput input) {
        PreferenceSet replacement = PreferenceInputs.read(input);
        return changed(customerId, current -> replacement, input.getTicketId());
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response updatePreferences(UUID customerId, PreferencesPatch patch) {
        UnaryOperator<PreferenceSet> change = PreferenceInputs.readPatch(patch);
        return changed(customerId, change, patch.getTicketId());
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response listPreferenceHistory(UUID customerId) {
        return Response.ok(preferences.history(customerId).stream().map(PreferencesJson::toApi).toList()).build();
    }

    private Response changed(UUID customerId, UnaryOperator<PreferenceSet> change, String ticketId) {
        Caller caller = Caller.of(security);
        String ticket = ticketId == null || ticketId.isBlank() ? null : ticketId.strip();
        if (caller.isAgent() && ticket == null) {
            throw new InvalidInputException("/ticketId", "agents give the ticket the change was captured on");
        }
        if (ticket != null && ticket.length() > 100) {
            throw new InvalidInputException("/ticketId", "at most 100 characters");
        }
        StoredPreferences stored = preferences.change(customerId, change,
                new CustomerPreferences.ChangedBy(caller.key().name(), ticket));
        return Response.ok(PreferencesJson.toApi(stored)).build();
    }
}
