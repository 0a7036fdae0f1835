package io.tidings.customer;

import io.tidings.api.CustomersApi;
import io.tidings.api.model.BulkUpsertItem;
import io.tidings.api.model.BulkUpsertRequest;
import io.tidings.api.model.CustomerInput;
import io.tidings.api.model.CustomerPage;
import io.tidings.error.InvalidInputException;
import io.tidings.privacy.CustomerErasure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code /api/v1/customers}: integrators and admins manage customers; agents read them. */
@ApplicationScoped
public class CustomersResource implements CustomersApi {

    private final Customers customers;
    private final CustomerErasure erasure;

    @Inject
    public CustomersResource(Customers customers, CustomerErasure erasure) {
        this.customers = customers;
        this.erasure = erasure;
    }

    @Override
    @RolesAllowed({"admin", "integrator"})
    public Response createCustomer(CustomerInput input) {
        Customer created = customers.create(CustomerInputs.read(input).profileOrThrow());
        return Response.created(URI.create("/api/v1/customers/" + created.id()))
                .entity(CustomerJson.toApi(created))
                .build();
    }

    @Override
    @RolesAllowed({"admin", "integrator"})
    public Response bulkUpsertCustomers(BulkUpsertRequest request) {
        List<BulkUpsertItem> items = request == null ? null : request.getCustomers();
        if (items == null || items.isEmpty()) {
            throw new InvalidInputException("/customers", "send 1 to " + BulkUpsert.MAX_ITEMS + " customers");
        }
        if (items.size() > BulkUpsert.MAX_ITEMS) {
            throw new InvalidInputException("/customers", "at most " + BulkUpsert.MAX_ITEMS + " customers per call, got "
                    + items.size());
        }
        List<BulkUpsert.Item> work = new ArrayList<>(items.size());
        for (BulkUpsertItem item : items) {
            work.add(new BulkUpsert.Item(item == null ? null : item.getId(), item));
        }
        return Response.ok(CustomerJson.toApi(customers.bulkUpsert(work))).build();
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response getCustomer(UUID customerId) {
        return Response.ok(CustomerJson.toApi(customers.get(customerId))).build();
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response listCustomers(Integer limit, String cursor, String zendeskUserId, String salesforceContactId,
                                  String salesforceIndividualId) {
        int pageSize = limit == null ? 50 : limit;
        if (pageSize < 1 || pageSize > CustomerQuery.MAX_LIMIT) {
            throw new InvalidInputException("limit", "1 to " + CustomerQuery.MAX_LIMIT);
        }
        CustomerQuery query = new CustomerQuery(Cursor.decode(cursor), pageSize,
                new ExternalRefs(zendeskUserId, salesforceContactId, salesforceIndividualId));
        List<Customer> page = customers.list(query);
        CustomerPage body = new CustomerPage().items(page.stream().map(CustomerJson::toApi).toList());
        if (page.size() == pageSize) {
            body.setNextCursor(Cursor.encode(page.getLast().id()));
        }
        return Response.ok(body).build();
    }

    @Override
    @RolesAllowed({"admin", "integrator"})
    public Response replaceCustomer(UUID customerId, CustomerInput input) {
        return Response.ok(CustomerJson.toApi(customers.replace(customerId, CustomerInputs.read(input).profileOrThrow()))).build();
    }

    @Override
    @RolesAllowed({"admin", "integrator"})
    public Response deleteCustomer(UUID customerId) {
        erasure.erase(customerId);
        return Response.noContent().build();
    }
}
