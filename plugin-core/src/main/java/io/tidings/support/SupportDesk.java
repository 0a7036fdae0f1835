package io.tidings.support;

import io.tidings.customer.Customer;

/**
 * The help desk customers' replies land in, e.g. Zendesk. A connector implements it as an
 * application-scoped CDI bean; where none is installed, replies stay in Tidings' own store.
 */
public interface SupportDesk {

    /** The desk's id, stable and lower case, e.g. {@code zendesk}. */
    String id();

    /**
     * Adds the reply as a comment from the customer to their most recently updated ticket that
     * is not solved or closed, or opens a ticket with it when they have none.
     */
    TicketReference recordReply(Customer customer, CustomerReply reply);
}
