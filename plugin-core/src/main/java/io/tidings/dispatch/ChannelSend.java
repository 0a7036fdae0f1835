package io.tidings.dispatch;

import io.tidings.notification.DeliveryStatus;

/**
 * Where one of a message's channel sends stands: its outbox status and, once sent, what its
 * provider reported (null before any report).
 */
public record ChannelSend(OutboxStatus status, DeliveryStatus delivery) {

    /** True while the send may still reach the customer: waiting, under way, or sent and not reported failed. */
    public boolean mayReachCustomer() {
        return switch (status) {
            case QUEUED, SENDING -> true;
            case SENT -> delivery == null || !delivery.failed();
            default -> false;
        };
    }
}
