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

/**
 * Decides a message and queues one outbox send per channel decided SEND, in one transaction, so a
 * decision is never logged without its sends or sent without its log entry. Each send's idempotency
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
                if (entry.outcome() == Outcome.SEND) {
                    outbox.enqueue(handle, new OutboxEntry(entry.messageId(), entry.id(), entry.customerId(),
                            entry.kind(), entry.category(), entry.channel(), values, idempotencyKey(origin, entry.channel()),
                            entry.decidedAt()));
                }
            }
            return entries;
        });
    }

    static String idempotencyKey(String origin, Channel channel) {
        return origin + ":" + channel.name().toLowerCase(Locale.ROOT);
    }
}
