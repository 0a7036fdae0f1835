package io.tidings.dispatch;

import io.tidings.decision.EventKind;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A channel send to put in the outbox.
 *
 * @param messageId         the message; shared by its channels
 * @param notificationLogId the decision it carries out, or null
 * @param customerId        the recipient
 * @param kind              the event the message is about, which picks the template
 * @param category          the message category
 * @param channel           the channel
 * @param values            what the template fills in
 * @param idempotencyKey    unique per send; enqueueing the same key again does nothing
 * @param notBefore         the earliest send time (a deferred send's wake-up time)
 * @param collapseKey       what the message is about, e.g. "ticket:4711"; empty for the kind alone
 * @param decideAgain       true when the message must be decided again before it is sent (a deferred send)
 */
public record OutboxEntry(UUID messageId, UUID notificationLogId, UUID customerId, EventKind kind, Category category,
                          Channel channel, Map<String, String> values, String idempotencyKey, Instant notBefore,
                          String collapseKey, boolean decideAgain) {

    /** A send decided SEND now, about nothing more specific than its kind. */
    public OutboxEntry(UUID messageId, UUID notificationLogId, UUID customerId, EventKind kind, Category category,
                       Channel channel, Map<String, String> values, String idempotencyKey, Instant notBefore) {
        this(messageId, notificationLogId, customerId, kind, category, channel, values, idempotencyKey, notBefore, "",
                false);
    }

    public OutboxEntry {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(collapseKey, "collapseKey");
        values = Map.copyOf(values);
    }
}
