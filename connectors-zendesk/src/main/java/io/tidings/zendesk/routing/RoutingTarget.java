package io.tidings.zendesk.routing;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a ticket should go and how urgent it is.
 *
 * @param groupId  the group to assign it to, or null to leave the group alone
 * @param priority low, normal, high or urgent, or null to leave it alone
 * @param tags     tags to add; an omnichannel queue whose conditions match one of them (e.g. a
 *                 {@code tidings_queue_outage_voice} tag) takes the ticket where the account has queues
 */
public record RoutingTarget(Long groupId, String priority, List<String> tags) {

    private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");

    public RoutingTarget {
        tags = List.copyOf(Objects.requireNonNullElse(tags, List.of()));
        if (priority != null && !PRIORITIES.contains(priority)) {
            throw new IllegalArgumentException("priority must be one of " + PRIORITIES + ", not " + priority);
        }
    }
}
