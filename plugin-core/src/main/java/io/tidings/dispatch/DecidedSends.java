package io.tidings.dispatch;

import io.tidings.customer.CustomerStore;
import io.tidings.decision.Outcome;
import io.tidings.preference.Channel;
import io.tidings.notification.CustomerDecisions;
import io.tidings.notification.MessageRequest;
import io.tidings.notification.NotificationLogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a message and queues one outbox send per channel decided SEND or DEFER, in one transaction,
 * so a decision is never logged without its sends or sent without its log entry. A deferred send
 * waits in the outbox until its time and is decided again then. Each send's idempotency
 * key is the message's origin plus the channel, so deciding the same origin again (an inbox entry
 * processed twice after a crash) queues nothing new.
 */
@ApplicationScoped
public class DecidedSends {

    private final CustomerDecisions decisions;
    private final CustomerStore customers;
    private final Outbox outbox;

    @Inject
    public DecidedSends(CustomerDecisions decisions, CustomerStore customers, Outbox outbox) {
        this.decisions = decisions;
        this.customers = customers;
        this.outbox = outbox;
    }

    /**
     * Decides the message, queues its sends with the template values, and returns the decision's entries.
     *
     * @param origin what the message answers, unique per message, e.g. {@code inbox:<entry id>}
     */
    public List<NotificationLogEntry> decideAndQueue(MessageRequest request, Map<String, String> values, String origin) {
        return customers.inTransaction(handle -> {
            List<NotificationLogEntry> entries = decisions.decide(handle, request);
            for (NotificationLogEntry entry : entries) {
                queued(entry, values, idempotencyKey(origin, entry.channel()))
                        .ifPresent(send -> outbox.enqueue(handle, send));
            }
            return entries;
        });
    }

    /** The send a decision asks for: now for SEND, at its wake time (to be decided again) for DEFER; else none. */
    static Optional<OutboxEntry> queued(NotificationLogEntry decided, Map<String, String> values, String key) {
        boolean deferred = decided.outcome() == Outcome.DEFER;
        if (decided.outcome() != Outcome.SEND && !deferred) {
            return Optional.empty();
        }
        return Optional.of(new OutboxEntry(decided.messageId(), decided.id(), decided.customerId(), decided.kind(),
                decided.category(), decided.channel(), values, key, deferred ? decided.deferUntil() : decided.decidedAt(),
                decided.collapseKey(), deferred));
    }

    static String idempotencyKey(String origin, Channel channel) {
        return origin + ":" + channel.name().toLowerCase(Locale.ROOT);
    }
}
