package io.tidings.inapp;

import io.tidings.api.InAppApi;
import io.tidings.api.model.InAppMessagePage;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.customer.Cursor;
import io.tidings.error.InvalidInputException;
import io.tidings.error.ResourceNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/customers/{id}/in-app}: a customer's in-app messages, listed (every role), marked
 * read and streamed live as server-sent events (integrators and admins, who serve them to the app).
 */
@ApplicationScoped
public class InAppResource implements InAppApi {

    private static final int MAX_LIMIT = 500;

    private final InAppMessageStore store;
    private final InAppStreams streams;
    private final CustomerStore customers;

    @Inject
    public InAppResource(InAppMessageStore store, InAppStreams streams, CustomerStore customers) {
        this.store = store;
        this.streams = streams;
        this.customers = customers;
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response listInAppMessages(UUID customerId, Integer limit, String cursor, Boolean unread) {
        int pageSize = limit == null ? 50 : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw new InvalidInputException("limit", "1 to " + MAX_LIMIT);
        }
        UUID before = Cursor.decode(cursor);
        requireCustomer(customerId);
        List<InAppMessage> page = store.page(customerId, before, pageSize, Boolean.TRUE.equals(unread));
        InAppMessagePage body = new InAppMessagePage().items(page.stream().map(InAppJson::toApi).toList());
        if (page.size() == pageSize) {
            body.setNextCursor(Cursor.encode(page.getLast().id()));
        }
        return Response.ok(body).build();
    }

    @Override
    @RolesAllowed({"admin", "integrator"})
    public Response markInAppMessageRead(UUID customerId, UUID messageId) {
        requireCustomer(customerId);
        return Response.ok(InAppJson.toApi(store.markRead(customerId, messageId).orElseThrow(
                () -> new ResourceNotFoundException("customer " + customerId + " has no in-app message " + messageId))))
                .build();
    }

    @Override
    @RolesAllowed({"admin", "integrator"})
    public Response streamInAppMessages(UUID customerId, UUID lastEventId) {
        requireCustomer(customerId);
        // Jersey writes a returned EventOutput as a text/event-stream that stays open.
        return Response.ok(streams.open(customerId, lastEventId), MediaType.SERVER_SENT_EVENTS_TYPE)
                .header("Cache-Control", "no-cache")
                .build();
    }

    private void requireCustomer(UUID customerId) {
        customers.find(customerId).orElseThrow(() -> Customers.notFound(customerId));
    }
}
