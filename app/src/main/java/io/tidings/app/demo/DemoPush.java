package io.tidings.app.demo;

import io.tidings.client.ApiClient;
import io.tidings.client.ApiException;
import io.tidings.client.api.CustomersApi;
import io.tidings.client.api.DeviceTokensApi;
import io.tidings.client.model.DevicePlatform;
import io.tidings.client.model.DeviceTokenInput;

import java.util.UUID;

/**
 * Gives demo customer 1002 (Berlin) a phone with the app, through the public API as an integrator
 * would: push goes to the sandbox FCM and in-app messages are kept for reading and streaming.
 */
final class DemoPush {

    static final String ZENDESK_USER_ID = "1002";

    private DemoPush() {
    }

    /** Registers the phone's push token and answers the customer's id. */
    static UUID registerPhone(String baseUrl, String adminKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + adminKey));
        try {
            UUID jonas = new CustomersApi(client).listCustomers(1, null, ZENDESK_USER_ID, null, null)
                    .getItems().getFirst().getId();
            new DeviceTokensApi(client).registerDeviceToken(jonas, new DeviceTokenInput()
                    .token("demo-fcm-registration-token-of-jonas-phone").platform(DevicePlatform.ANDROID));
            return jonas;
        } catch (ApiException e) {
            throw new IllegalStateException("Registering the demo device failed with " + e.getCode(), e);
        }
    }

    /** Curl lines for the customer's device tokens, in-app messages and their live stream. */
    static String tryLines(String baseUrl, String adminKey, UUID customerId) {
        return ("""
                   curl -s -H 'Authorization: Bearer %2$s' %1$s/api/v1/customers/%3$s/device-tokens
                   curl -s -H 'Authorization: Bearer %2$s' '%1$s/api/v1/customers/%3$s/in-app/messages?unread=true'
                   curl -N -H 'Authorization: Bearer %2$s' -H 'Accept: text/event-stream' \\
                        %1$s/api/v1/customers/%3$s/in-app/stream     (in-app messages of 1002 as they arrive)
                """).formatted(baseUrl, adminKey, customerId);
    }
}
