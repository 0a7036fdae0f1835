package io.tidings.decision;

import io.tidings.preference.Category;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What was recently sent to a customer (one entry per message, whatever its channels): the input
 * for frequency caps and collapsing. A value handed to the engine, not a store.
 *
 * @param messages the recent messages, in any order
 */
public record SendHistory(List<SentMessage> messages) {

    private static final SendHistory EMPTY = new SendHistory(List.of());

    public SendHistory {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages must not be null"));
    }

    /** Nothing sent recently. */
    public static SendHistory empty() {
        return EMPTY;
    }

    /** How many messages of the category were sent after {@code after} (exclusive) and not after {@code now}. */
    public int countBetween(Category category, Instant after, Instant now) {
        int count = 0;
        for (int i = 0; i < messages.size(); i++) {
            SentMessage message = messages.get(i);
            if (message.category() == category && message.sentAt().isAfter(after) && !message.sentAt().isAfter(now)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The latest message about the same thing (category, kind and collapse key) sent after
     * {@code after} and not after {@code now}, or null when there is none.
     */
    public SentMessage latestAbout(Category category, EventKind kind, String collapseKey, Instant after, Instant now) {
        SentMessage latest = null;
        for (int i = 0; i < messages.size(); i++) {
            SentMessage message = messages.get(i);
            if (message.category() == category && message.kind() == kind && message.collapseKey().equals(collapseKey)
                    && message.sentAt().isAfter(after) && !message.sentAt().isAfter(now)
                    && (latest == null || message.sentAt().isAfter(latest.sentAt()))) {
                latest = message;
            }
        }
        return latest;
    }
}
