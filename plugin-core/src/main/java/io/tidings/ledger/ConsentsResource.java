package io.tidings.ledger;

import io.tidings.api.ConsentsApi;
import io.tidings.api.model.ConsentInput;
import io.tidings.api.model.WithdrawalInput;
import io.tidings.auth.Caller;
import io.tidings.consent.ConsentRecord;
import io.tidings.consent.ConsentStatement;
import io.tidings.persistence.DatabaseTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code /api/v1/customers/{id}/consents} and ledger verification: everyone reads; agents record
 * consent captured on a call; verifying the whole store is for integrators and admins.
 */
@ApplicationScoped
public class ConsentsResource implements ConsentsApi {

    private final ConsentLedger ledger;
    private final Clock clock;

    @Context
    SecurityContext security;

    @Inject
    public ConsentsResource(ConsentLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response listConsentRecords(UUID customerId) {
        return Response.ok(ledger.records(customerId).stream().map(ConsentJson::toApi).toList()).build();
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response recordConsent(UUID customerId, ConsentInput input) {
        return appended(customerId, ConsentInputs.read(input, Caller.of(security), DatabaseTime.now(clock)));
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response withdrawConsent(UUID customerId, WithdrawalInput input) {
        return appended(customerId, ConsentInputs.read(input, Caller.of(security), DatabaseTime.now(clock)));
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response getCurrentConsent(UUID customerId, OffsetDateTime at) {
        return Response.ok(ConsentJson.toApi(ledger.current(customerId, at == null ? clock.instant() : at.toInstant())))
                .build();
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response verifyCustomerLedger(UUID customerId) {
        return Response.ok(ConsentJson.toApi(customerId, ledger.verify(customerId))).build();
    }

    @Override
    @RolesAllowed({"admin", "integrator"})
    public Response verifyAllLedgers() {
        return Response.ok(ConsentJson.toApi(ledger.verifyAll())).build();
    }

    private Response appended(UUID customerId, ConsentStatement statement) {
        ConsentRecord record = ledger.record(customerId, statement);
        return Response.status(Response.Status.CREATED).entity(ConsentJson.toApi(record)).build();
    }
}
