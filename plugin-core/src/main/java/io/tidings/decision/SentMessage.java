package io.tidings.decision;

import io.tidings.preference.Category;

import java.time.Instant;
import java.util.Objects;

/**
 * A message already sent to the customer, as far as caps and collapsing need to know.
 *
 * @param reference   the notification's id, named when a later message collapses into it
 * @param category    its category
 * @param kind        the kind of event it was about
 * @param collapseKey what it was about (e.g. "ticket:4711"); empty when the kind alone identifies it
 * @param sentAt      when it was sent
 */
public record SentMessage(String reference, Category category, EventKind kind, String collapseKey, Instant sentAt) {

    public SentMessage {
        Objects.requireNonNull(reference, "reference must not be null");
        Objects.requireNonNull(category, "category must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(collapseKey, "collapseKey must not be null");
        Objects.requireNonNull(sentAt, "sentAt must not be null");
        if (reference.isBlank()) {
            throw new IllegalArgumentException("reference must not be blank");
        }
    }
}
