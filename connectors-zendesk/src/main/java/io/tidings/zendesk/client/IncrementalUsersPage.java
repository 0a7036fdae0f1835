package io.tidings.zendesk.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One page of the incremental user export.
 *
 * @param users       the users changed since the start time or cursor, as Zendesk sends them
 * @param afterCursor where the next page starts; store it to resume
 * @param endOfStream true when this page reached the present
 */
public record IncrementalUsersPage(List<JsonNode> users, String afterCursor, boolean endOfStream) {

    public IncrementalUsersPage {
        users = List.copyOf(users);
    }
}
