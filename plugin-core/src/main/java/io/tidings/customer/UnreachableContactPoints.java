package io.tidings.customer;

import io.tidings.preference.Channel;
import io.tidings.privacy.ErasureStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Customers' addresses that a provider reported as unable to receive on a channel (an invalid
 * number, a hard bounce). A mark holds for the address it was made for: a customer who corrects
 * the address is reachable again.
 */
@ApplicationScoped
public class UnreachableContactPoints implements ErasureStep {

    private final Jdbi jdbi;

    @Inject
    public UnreachableContactPoints(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Marks the customer's current address on the channel unreachable; false when there is none or it was marked already. */
    public boolean mark(Handle handle, Customer customer, Channel channel, String reason, Instant at) {
        String address = customer.addressOn(channel);
        if (address == null) {
            return false;
        }
        return handle.createUpdate("insert into unreachable_contact_point (customer_id, channel, address_digest, reason, "
                        + "marked_at) select :customerId, :channel, :digest, :reason, :at where not exists (select 1 "
                        + "from unreachable_contact_point where customer_id = :customerId and channel = :channel "
                        + "and address_digest = :digest)")
                .bind("customerId", customer.id())
                .bind("channel", channel.name())
                .bind("digest", ContactDigest.of(address))
                .bind("reason", reason.length() <= 200 ? reason : reason.substring(0, 200))
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute() > 0;
    }

    /** The channels on which the customer's current address is marked unreachable. */
    public Set<Channel> unreachable(Customer customer) {
        Set<Channel> marked = EnumSet.noneOf(Channel.class);
        jdbi.useHandle(handle -> handle.createQuery("select channel, address_digest from unreachable_contact_point "
                        + "where customer_id = :id")
                .bind("id", customer.id())
                .map((rs, ctx) -> {
                    Channel channel = Channel.valueOf(rs.getString("channel"));
                    String address = customer.addressOn(channel);
                    if (address != null && ContactDigest.of(address).equals(rs.getString("address_digest"))) {
                        marked.add(channel);
                    }
                    return channel;
                })
                .list());
        return marked;
    }

    @Override
    public void erase(Handle handle, UUID customerId, ExternalRefs refs) {
        handle.createUpdate("delete from unreachable_contact_point where customer_id = :id").bind("id", customerId)
                .execute();
    }
}
