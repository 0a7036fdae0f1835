package io.tidings.zendesk.support;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidings.customer.Customer;
import io.tidings.support.CustomerReply;
import io.tidings.support.SupportDesk;
import io.tidings.support.TicketReference;
import io.tidings.zendesk.client.Ticket;
import io.tidings.zendesk.client.ZendeskAccount;
import io.tidings.zendesk.client.ZendeskClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.Locale;

/**
 * Zendesk as the desk customers' replies land in: the reply becomes a public comment by the
 * requester on their most recently updated ticket that is not solved or closed, or opens a ticket.
 * Only a bean when a Zendesk account is configured ({@link io.tidings.zendesk.sync.ZendeskSyncExtension}
 * vetoes it otherwise), so without one replies stay in Tidings.
 */
@ApplicationScoped
public class ZendeskSupportDesk implements SupportDesk {

    static final String ID = "zendesk";

    private final ZendeskClient client;

    @Inject
    public ZendeskSupportDesk(ZendeskAccount account) {
        this(account.client().orElseThrow(() -> new IllegalStateException("no Zendesk account is configured")));
    }

    public ZendeskSupportDesk(ZendeskClient client) {
        this.client = client;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public TicketReference recordReply(Customer customer, CustomerReply reply) {
        String zendeskUserId = customer.profile().externalRefs().zendeskUserId();
        if (zendeskUserId == null) {
            throw new IllegalArgumentException("customer " + customer.id() + " has no Zendesk user");
        }
        long requester = Long.parseLong(zendeskUserId);
        ObjectNode comment = JsonNodeFactory.instance.objectNode().put("body", reply.body())
                .put("author_id", requester).put("public", true);
        return client.requestedTickets(requester).stream().filter(Ticket::open)
                .max(Comparator.comparing(Ticket::updatedAt))
                .map(open -> {
                    ObjectNode change = JsonNodeFactory.instance.objectNode();
                    change.set("comment", comment);
                    client.updateTicket(open.id(), change);
                    return new TicketReference(ID, String.valueOf(open.id()), false);
                })
                .orElseGet(() -> {
                    String channel = reply.channel().name().toLowerCase(Locale.ROOT);
                    ObjectNode ticket = JsonNodeFactory.instance.objectNode()
                            .put("subject", "Reply by " + channel.replace('_', ' '))
                            .put("requester_id", requester)
                            .put("external_id", reply.providerMessageId());
                    ticket.set("comment", comment);
                    ticket.putArray("tags").add("tidings").add("tidings_reply_" + channel);
                    return new TicketReference(ID, String.valueOf(client.createTicket(ticket).id()), true);
                });
    }
}
