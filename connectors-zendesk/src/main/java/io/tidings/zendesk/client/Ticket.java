package io.tidings.zendesk.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a Zendesk ticket Tidings works with.
 *
 * @param id        the ticket's id
 * @param status    new, open, pending, hold, solved or closed
 * @param updatedAt when it last changed
 * @param groupId   the group it is assigned to, or null
 * @param priority  low, normal, high, urgent, or null
 * @param tags      its tags
 */
public record Ticket(long id, String status, Instant updatedAt, Long groupId, String priority, List<String> tags) {

    public Ticket {
        tags = List.copyOf(tags);
    }

    /** Whether the ticket is neither solved nor closed. */
    public boolean open() {
        return !"solved".equals(status) && !"closed".equals(status);
    }

    static Ticket read(JsonNode ticket) {
        List<String> tags = new ArrayList<>();
        ticket.path("tags").forEach(tag -> tags.add(tag.asText()));
        return new Ticket(ticket.path("id").asLong(), ticket.path("status").asText(),
                ticket.hasNonNull("updated_at") ? Instant.parse(ticket.get("updated_at").asText()) : Instant.EPOCH,
                ticket.hasNonNull("group_id") ? ticket.get("group_id").asLong() : null,
                ticket.path("priority").asText(null), tags);
    }
}
