package io.tidings.event;

import io.tidings.notification.DeliveryStatus;
import io.tidings.preference.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * A send's delivery status moved ({@code notification.status_changed}), e.g. a provider reported
 * it delivered or failed.
 *
 * @param sendId         the send (outbox row)
 * @param messageId      the decided message; shared by its channels
 * @param notificationId the decision the send carried out, or null
 * @param customerId     the recipient
 * @param channel        the channel it went out on
 * @param provider       the provider that sent it, or null
 * @param previousStatus the status before, or null when none was reported
 * @param status         the status now
 * @param error          the provider's error code or reason, or null
 * @param changedAt      when the report arrived
 */
public record NotificationStatusChanged(UUID sendId, UUID messageId, UUID notificationId, UUID customerId,
                                        Channel channel, String provider, DeliveryStatus previousStatus,
                                        DeliveryStatus status, String error, Instant changedAt) implements CustomerEvent {

    public static final String TYPE = "notification.status_changed";

    @Override
    public String type() {
        return TYPE;
    }
}
