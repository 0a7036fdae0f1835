package io.tidings.support;

import io.tidings.customer.ExternalRefs;
import io.tidings.persistence.UuidV7;
import io.tidings.preference.Channel;
import io.tidings.privacy.ErasureStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Replies Tidings keeps itself: those of customers when no help desk took them, and the mere fact
 * of a reply from a sender no customer has (without its text). A reply is stored once per
 * provider message id, so a provider's redelivery adds nothing.
 */
@ApplicationScoped
public class StoredReplies implements ErasureStep {

    /** A stored reply; {@code customerId} and {@code body} are null for an unknown sender. */
    public record StoredReply(UUID id, UUID customerId, Channel channel, String providerMessageId, String senderDigest,
                              String body, Instant receivedAt, String status) {
    }

    private static final int MAX_BODY = 2000;

    private final Jdbi jdbi;
    private final Clock clock;

    @Inject
    public StoredReplies(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Keeps a customer's reply; false when a reply with its provider message id is stored already. */
    public boolean storeForCustomer(UUID customerId, CustomerReply reply, String senderDigest) {
        return insert(customerId, reply.channel(), reply.providerMessageId(), senderDigest,
                reply.body().length() <= MAX_BODY ? reply.body() : reply.body().substring(0, MAX_BODY),
                reply.receivedAt(), "STORED");
    }

    /** Records that a sender no customer has replied; the text is not kept. */
    public boolean recordUnknownSender(Channel channel, String providerMessageId, String senderDigest, Instant at) {
        return insert(null, channel, providerMessageId, senderDigest, null, at, "UNKNOWN_SENDER");
    }

    /** The customer's stored replies, oldest first. */
    public List<StoredReply> forCustomer(UUID customerId) {
        return jdbi.withHandle(handle -> handle.createQuery("select id, customer_id, channel, provider_message_id, "
                        + "sender_digest, body, received_at, status from customer_reply where customer_id = :id "
                        + "order by received_at, id")
                .bind("id", customerId)
                .map((rs, ctx) -> new StoredReply(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                        Channel.valueOf(rs.getString("channel")), rs.getString("provider_message_id"),
                        rs.getString("sender_digest"), rs.getString("body"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("status")))
                .list());
    }

    @Override
    public void erase(Handle handle, UUID customerId, ExternalRefs refs) {
        handle.createUpdate("delete from customer_reply where customer_id = :id").bind("id", customerId).execute();
    }

    private boolean insert(UUID customerId, Channel channel, String providerMessageId, String senderDigest, String body,
                           Instant receivedAt, String status) {
        return jdbi.withHandle(handle -> handle.createUpdate("insert into customer_reply (id, customer_id, channel, "
                        + "provider_message_id, sender_digest, body, received_at, status) select :id, cast(:customerId as uuid), "
                        + ":channel, :messageId, :sender, :body, :at, :status where not exists (select 1 from customer_reply "
                        + "where provider_message_id = :messageId)")
                .bind("id", UuidV7.next(clock))
                .bind("customerId", customerId)
                .bind("channel", channel.name())
                .bind("messageId", providerMessageId)
                .bind("sender", senderDigest)
                .bind("body", body)
                .bind("at", receivedAt.atOffset(ZoneOffset.UTC))
                .bind("status", status)
                .execute() > 0);
    }
}
