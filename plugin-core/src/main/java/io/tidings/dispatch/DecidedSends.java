package io.tidings.dispatch;

import io.tidings.customer.CustomerStore;
import io.tidings.decision.Outcome;
import io.tidings.notification.CustomerDecisions;
import io.tidings.notification.MessageRequest;
import io.tidings.notification.NotificationLogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * Decides a message and queues one outbox send per channel decided SEND, in one transaction, so a
 * decision is never logged without its sends or sent without its log entry. The idempotency key is
 * the notification-log entry's id.
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

    /** Decides the message, queues its sends with the template values, and returns the decision's entries. */
    public List<NotificationLogEntry> decideAndQueue(MessageRequest request, Map<String, String> values) {
        return customers.inTransaction(handle -> {
            List<NotificationLogEntry> entries = decisions.decide(handle, request);
            for (NotificationLogEntry entry : entries) {
                if (entry.outcome() == Outcome.SEND) {
                    outbox.enqueue(handle, new OutboxEntry(entry.messageId(), entry.id(), entry.customerId(),
                            entry.kind(), entry.category(), entry.channel(), values, "notification:" + entry.id(),
                            entry.decidedAt()));
                }
            }
            return entries;
        });
    }
}
