package io.tidings.dispatch;

import io.tidings.notification.DeliveryStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * A provider's word on one send: which send (its idempotency key when the provider echoes it,
 * else the provider's message id), the status, whether the address itself cannot receive, and
 * whether the message failed for a reason that will not pass by trying the channel again.
 *
 * @param idempotencyKey     the send's key as the provider echoed it, or null
 * @param providerMessageId  the provider's id for the message, or null
 * @param status             the reported status
 * @param error              the provider's error code or reason, or null
 * @param addressUnreachable true when the address can never receive on the channel (invalid number, hard bounce)
 * @param failedForGood      true when the message will not reach the customer on this channel (an unreachable
 *                           address or handset); false for a failure that may pass (throttling, congestion)
 * @param reportedAt         when Tidings received the report
 */
public record DeliveryReport(String idempotencyKey, String providerMessageId, DeliveryStatus status, String error,
                             boolean addressUnreachable, boolean failedForGood, Instant reportedAt) {

    public DeliveryReport {
        if (idempotencyKey == null && providerMessageId == null) {
            throw new IllegalArgumentException("a delivery report names its send by idempotency key or provider id");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reportedAt, "reportedAt");
        if ((addressUnreachable || failedForGood) && !status.failed()) {
            throw new IllegalArgumentException("only an undelivered or failed send can have failed for good");
        }
        if (addressUnreachable && !failedForGood) {
            throw new IllegalArgumentException("a send to an unreachable address has failed for good");
        }
    }
}
