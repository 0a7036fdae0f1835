package io.tidings.push;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A push registration token of one of a customer's app installs.
 *
 * @param id           the registration
 * @param customerId   whose install it is
 * @param token        the FCM registration token
 * @param platform     the install's platform
 * @param registeredAt when it was (last) registered for this customer
 */
public record DeviceToken(UUID id, UUID customerId, String token, DevicePlatform platform, Instant registeredAt) {

    public DeviceToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /** Without the token, which identifies a device: what may appear in logs. */
    @Override
    public String toString() {
        return "DeviceToken[" + id + ", customer " + customerId + ", " + platform + "]";
    }
}
