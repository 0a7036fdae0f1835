package io.tidings.dispatch;

import io.tidings.notification.DeliveryStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * A provider's word on one send: which send (its idempotency key when the provider echoes it,
 * else the provider's message id), the status, and whether the address itself cannot receive.
 *
 * @param idempotencyKey     the send's key as the provider echoed it, or null
 * @param providerMessageId  the provider's id for the message, or null
 * @param status             the reported status
 * @param error              the provider's error code or reason, or null
 * @param addressUnreachable true when the address can never receive on the channel (invalid number, hard bounce)
 * @param reportedAt         when Tidings received the report
 */
public record DeliveryReport(String idempotencyKey, String providerMessageId, DeliveryStatus status, String error,
                             boolean addressUnreachable, Instant reportedAt) {

    public DeliveryReport {
        if (idempotencyKey == null && providerMessageId == null) {
            throw new IllegalArgumentException("a delivery report names its send by idempotency key or provider id");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }
}
