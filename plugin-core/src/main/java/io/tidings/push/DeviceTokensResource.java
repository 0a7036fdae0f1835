package io.tidings.push;

import io.tidings.api.DeviceTokensApi;
import io.tidings.api.model.DeviceTokenInput;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.error.ResourceNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** {@code /api/v1/customers/{id}/device-tokens}: integrators register their app installs' push tokens. */
@ApplicationScoped
public class DeviceTokensResource implements DeviceTokensApi {

    private final DeviceTokenStore tokens;
    private final CustomerStore customers;

    @Inject
    public DeviceTokensResource(DeviceTokenStore tokens, CustomerStore customers) {
        this.tokens = tokens;
        this.customers = customers;
    }

    @Override
    @RolesAllowed({"admin", "integrator"})
    public Response listDeviceTokens(UUID customerId) {
        customers.find(customerId).orElseThrow(() -> Customers.notFound(customerId));
        return Response.ok(tokens.tokens(customerId).stream().map(DeviceTokenJson::toApi).toList()).build();
    }

    @Override
    @RolesAllowed({"admin", "integrator"})
    public Response registerDeviceToken(UUID customerId, DeviceTokenInput input) {
        DeviceTokenJson.Input read = DeviceTokenJson.read(input);
        DeviceTokenStore.Registration registration = tokens.register(customerId, read.token(), read.platform());
        return Response.status(registration.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(DeviceTokenJson.toApi(registration.token()))
                .build();
    }

    @Override
    @RolesAllowed({"admin", "integrator"})
    public Response removeDeviceToken(UUID customerId, UUID tokenId) {
        if (!tokens.remove(customerId, tokenId)) {
            throw new ResourceNotFoundException("customer " + customerId + " has no device token " + tokenId);
        }
        return Response.noContent().build();
    }
}
