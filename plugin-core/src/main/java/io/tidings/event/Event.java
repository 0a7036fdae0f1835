package io.tidings.event;

import io.tidings.customer.ExternalRefs;
import io.tidings.decision.EventKind;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A normalised inbound fact about one customer, e.g. a ticket's status changed.
 *
 * @param source        the system it came from, e.g. {@code zendesk}
 * @param sourceEventId that system's id for it: the dedupe key within the source
 * @param kind          what happened
 * @param subject       what it happened to, e.g. {@code zen:ticket:35436}; events about one subject apply in time order
 * @param occurredAt    when it happened at the source
 * @param customer      the customer's identity at the source
 * @param facts         what a message about it may say, by template name (e.g. {@code ticketId}, {@code status})
 */
public record Event(String source, String sourceEventId, EventKind kind, String subject, Instant occurredAt,
                    ExternalRefs customer, Map<String, String> facts) {

    public Event {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(customer, "customer");
        facts = Map.copyOf(Objects.requireNonNull(facts, "facts"));
    }
}
