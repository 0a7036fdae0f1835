package io.tidings.notification;

import io.tidings.api.NotificationsApi;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.error.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** {@code /api/v1/customers/{id}/notifications}: the notification log, for every role. */
@ApplicationScoped
public class NotificationsResource implements NotificationsApi {

    private static final int MAX_LIMIT = 500;

    private final CustomerStore customers;
    private final NotificationLog log;

    @Inject
    public NotificationsResource(CustomerStore customers, NotificationLog log) {
        this.customers = customers;
        this.log = log;
    }

    @Override
    @RolesAllowed({"admin", "integrator", "agent"})
    public Response listNotificationLog(UUID customerId, Integer limit) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInputException("limit", "1 to " + MAX_LIMIT);
        }
        customers.find(customerId).orElseThrow(() -> Customers.notFound(customerId));
        return Response.ok(log.entries(customerId, size).stream().map(NotificationJson::toApi).toList()).build();
    }
}
