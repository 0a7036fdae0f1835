package io.tidings.zendesk.routing;

import java.util.List;

/**
 * What routing changed on a ticket, so that it can be put back.
 *
 * @param ticketId         the ticket
 * @param previousGroupId  its group before, or null (also when routing left the group alone)
 * @param previousPriority its priority before, or null
 * @param groupChanged     whether routing set the group
 * @param priorityChanged  whether routing set the priority
 * @param addedTags        the tags routing added that the ticket did not have
 */
public record RoutedTicket(long ticketId, Long previousGroupId, String previousPriority, boolean groupChanged,
                           boolean priorityChanged, List<String> addedTags) {

    public RoutedTicket {
        addedTags = List.copyOf(addedTags);
    }
}
