package io.tidings.support;

import java.util.Objects;

/**
 * The ticket a reply went to.
 *
 * @param desk     the desk's id, e.g. {@code zendesk}
 * @param ticketId the desk's id for the ticket
 * @param opened   true when the reply opened a new ticket, false when it was added to an open one
 */
public record TicketReference(String desk, String ticketId, boolean opened) {

    public TicketReference {
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(ticketId, "ticketId");
    }
}
