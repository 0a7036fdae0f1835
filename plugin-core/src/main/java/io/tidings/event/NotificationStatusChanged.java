package io.tidings.event;

import io.tidings.preference.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification's delivery status changed ({@code notification.status_changed}), e.g. a provider
 * reported it delivered or failed.
 *
 * @param messageId  the decided message the notification belongs to
 * @param channel    the channel it went out on
 * @param status     the new status, e.g. {@code DELIVERED}
 * @param occurredAt when the provider says the status changed
 */
public record NotificationStatusChanged(UUID customerId, UUID messageId, Channel channel, String status,
                                        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "notification.status_changed";

    @Override
    public String type() {
        return TYPE;
    }
}
