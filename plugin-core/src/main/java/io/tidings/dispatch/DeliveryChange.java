package io.tidings.dispatch;

import io.tidings.notification.DeliveryStatus;
import io.tidings.preference.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * A send's delivery status as a report moved it: what integrators hear as
 * {@code notification.status_changed}.
 *
 * @param outboxId          the send
 * @param messageId         the message; shared by its channels
 * @param notificationLogId the decision the send carried out, or null
 * @param customerId        the recipient
 * @param channel           the channel
 * @param providerId        the provider that sent it, or null
 * @param previous          the status before, or null when none was reported
 * @param status            the status now
 * @param error             the provider's error code or reason, or null
 * @param changedAt         when the report arrived
 */
public record DeliveryChange(UUID outboxId, UUID messageId, UUID notificationLogId, UUID customerId, Channel channel,
                             String providerId, DeliveryStatus previous, DeliveryStatus status, String error,
                             Instant changedAt) {
}
