package io.tidings.privacy;

import io.tidings.api.PrivacyApi;
import io.tidings.customer.CustomerJson;
import io.tidings.inapp.InAppJson;
import io.tidings.ledger.ConsentJson;
import io.tidings.notification.NotificationJson;
import io.tidings.preference.PreferencesJson;
import io.tidings.push.DeviceTokenJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.ZoneOffset;
import java.util.UUID;

/** {@code /api/v1/customers/{id}/export}: a customer's data as JSON, for integrators and admins. */
@ApplicationScoped
public class PrivacyResource implements PrivacyApi {

    private final CustomerExport export;

    @Inject
    public PrivacyResource(CustomerExport export) {
        this.export = export;
    }

    @Override
    @RolesAllowed({"admin", "integrator"})
    public Response exportCustomer(UUID customerId) {
        HeldData held = export.export(customerId);
        return Response.ok(new io.tidings.api.model.CustomerExport()
                        .exportedAt(held.exportedAt().atOffset(ZoneOffset.UTC))
                        .customer(CustomerJson.toApi(held.customer()))
                        .preferences(PreferencesJson.toApi(held.preferences()))
                        .preferenceHistory(held.preferenceHistory().stream().map(PreferencesJson::toApi).toList())
                        .consents(held.consents().stream().map(ConsentJson::toApi).toList())
                        .notifications(held.notifications().stream().map(NotificationJson::toApi).toList())
                        .deviceTokens(held.deviceTokens().stream().map(DeviceTokenJson::toApi).toList())
                        .inAppMessages(held.inAppMessages().stream().map(InAppJson::toApi).toList()))
                .header("Content-Disposition", "attachment; filename=\"customer-" + customerId + ".json\"")
                .build();
    }
}
