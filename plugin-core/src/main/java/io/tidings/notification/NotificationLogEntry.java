package io.tidings.notification;

import io.tidings.decision.EventKind;
import io.tidings.decision.Outcome;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One channel's decision about one message, kept for audit.
 *
 * @param id          the entry
 * @param messageId   the message; shared by the entries of its channels
 * @param customerId  the recipient
 * @param kind        the event the message is about
 * @param category    the message category
 * @param collapseKey what the event is about; empty for the kind alone
 * @param channel     the channel
 * @param outcome     what was decided
 * @param deferUntil  for DEFER, when to decide again; else null
 * @param reason      the decisive step in words
 * @param trail       every step, in order
 * @param decidedAt   when it was decided
 * @param delivery    what the provider last reported about the send, or null (no send, or no report yet)
 */
public record NotificationLogEntry(UUID id, UUID messageId, UUID customerId, EventKind kind, Category category,
                                   String collapseKey, Channel channel, Outcome outcome, Instant deferUntil,
                                   String reason, List<LoggedStep> trail, Instant decidedAt,
                                   DeliveryStatus delivery) {

    public NotificationLogEntry {
        trail = List.copyOf(trail);
    }
}
