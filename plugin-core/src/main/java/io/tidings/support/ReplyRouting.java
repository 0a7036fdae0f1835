package io.tidings.support;

import io.tidings.customer.ContactDigest;
import io.tidings.customer.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Takes a customer's reply to the help desk when one is installed (the customer's open ticket, or
 * a new one), and keeps it in Tidings when none is or the desk fails: a reply is never dropped.
 */
@ApplicationScoped
public class ReplyRouting {

    private static final System.Logger LOG = System.getLogger(ReplyRouting.class.getName());

    /** Where a reply went: the desk's ticket, or Tidings' own store. */
    public record Routed(Optional<TicketReference> ticket) {
        public boolean stored() {
            return ticket.isEmpty();
        }
    }

    private final Optional<SupportDesk> desk;
    private final StoredReplies stored;

    @Inject
    ReplyRouting(Instance<SupportDesk> desks, StoredReplies stored) {
        this(desks.isResolvable() ? Optional.of(desks.get()) : Optional.empty(), stored);
    }

    public ReplyRouting(Optional<SupportDesk> desk, StoredReplies stored) {
        this.desk = desk;
        this.stored = stored;
    }

    public Routed route(Customer customer, CustomerReply reply, String sender) {
        if (desk.isPresent()) {
            try {
                return new Routed(Optional.of(desk.get().recordReply(customer, reply)));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "help desk " + desk.get().id() + " did not take reply "
                        + reply.providerMessageId() + "; it is kept in Tidings", e);
            }
        }
        stored.storeForCustomer(customer.id(), reply, ContactDigest.of(sender));
        return new Routed(Optional.empty());
    }
}
