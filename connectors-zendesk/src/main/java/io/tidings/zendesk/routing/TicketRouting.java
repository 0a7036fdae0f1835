package io.tidings.zendesk.routing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidings.zendesk.client.Ticket;
import io.tidings.zendesk.client.ZendeskClient;

import java.util.List;

/**
 * Moves a Zendesk ticket to a group, sets its priority and tags, and puts it back as it was:
 * the operations outage care routing builds on. Tags are added and removed one by one
 * ({@code additional_tags} / {@code remove_tags}), so tags agents set meanwhile survive a revert.
 */
public final class TicketRouting {

    private final ZendeskClient client;

    public TicketRouting(ZendeskClient client) {
        this.client = client;
    }

    /** Routes the ticket; the answer says how to revert it. */
    public RoutedTicket route(long ticketId, RoutingTarget target) {
        Ticket before = client.ticket(ticketId);
        List<String> added = target.tags().stream().filter(tag -> !before.tags().contains(tag)).distinct().toList();
        ObjectNode change = JsonNodeFactory.instance.objectNode();
        if (target.groupId() != null) {
            change.put("group_id", target.groupId());
        }
        if (target.priority() != null) {
            change.put("priority", target.priority());
        }
        if (!added.isEmpty()) {
            added.forEach(change.putArray("additional_tags")::add);
        }
        if (!change.isEmpty()) {
            client.updateTicket(ticketId, change);
        }
        return new RoutedTicket(ticketId, before.groupId(), before.priority(), target.groupId() != null,
                target.priority() != null, added);
    }

    /** Puts back the group and priority the ticket had and removes the tags routing added. */
    public void revert(RoutedTicket routed) {
        ObjectNode change = JsonNodeFactory.instance.objectNode();
        if (routed.groupChanged()) {
            if (routed.previousGroupId() == null) {
                change.putNull("group_id");
            } else {
                change.put("group_id", routed.previousGroupId());
            }
        }
        if (routed.priorityChanged()) {
            if (routed.previousPriority() == null) {
                change.putNull("priority");
            } else {
                change.put("priority", routed.previousPriority());
            }
        }
        if (!routed.addedTags().isEmpty()) {
            routed.addedTags().forEach(change.putArray("remove_tags")::add);
        }
        if (!change.isEmpty()) {
            client.updateTicket(routed.ticketId(), change);
        }
    }
}
