package io.tidings.inapp;

import io.tidings.customer.CustomerStore;
import io.tidings.customer.ExternalRefs;
import io.tidings.persistence.DatabaseTime;
import io.tidings.persistence.UuidV7;
import io.tidings.preference.Category;
import io.tidings.privacy.ErasureStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Customers' in-app messages in the database. */
@ApplicationScoped
public class InAppMessageStore implements ErasureStep {

    private static final String COLUMNS = "id, customer_id, seq, send_key, category, title, body, created_at, read_at";

    private final Jdbi jdbi;
    private final CustomerStore customers;
    private final Clock clock;

    @Inject
    public InAppMessageStore(Jdbi jdbi, CustomerStore customers, Clock clock) {
        this.jdbi = jdbi;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * Stores the message and answers it; a message stored before under the same send key is answered
     * instead. Empty when the customer does not exist (any more). Writers of one customer take turns
     * on the customer row, so the sequence counts up in commit order.
     */
    public Optional<InAppMessage> store(NewInAppMessage message) {
        return customers.inTransaction(handle -> {
            if (!customers.lock(handle, message.customerId())) {
                return Optional.empty();
            }
            Optional<InAppMessage> stored = handle.createQuery("select " + COLUMNS + " from in_app_message "
                            + "where send_key = :key")
                    .bind("key", message.sendKey())
                    .map((rs, ctx) -> read(rs))
                    .findOne();
            if (stored.isPresent()) {
                return stored;
            }
            long sequence = handle.createQuery("select coalesce(max(seq), 0) + 1 from in_app_message "
                            + "where customer_id = :customerId")
                    .bind("customerId", message.customerId())
                    .mapTo(Long.class)
                    .one();
            InAppMessage created = new InAppMessage(UuidV7.next(clock), message.customerId(), sequence,
                    message.sendKey(), message.category(), message.title(), message.body(), DatabaseTime.now(clock),
                    null);
            handle.createUpdate("insert into in_app_message (" + COLUMNS + ") values (:id, :customerId, :seq, "
                            + ":key, :category, :title, :body, :createdAt, null)")
                    .bind("id", created.id())
                    .bind("customerId", created.customerId())
                    .bind("seq", created.sequence())
                    .bind("key", created.sendKey())
                    .bind("category", created.category().name())
                    .bind("title", created.title())
                    .bind("body", created.body())
                    .bind("createdAt", utc(created.createdAt()))
                    .execute();
            return Optional.of(created);
        });
    }

    /**
     * Up to {@code limit} of the customer's messages, newest first, older than the message
     * {@code before} when given (a page cursor); only unread ones when {@code unreadOnly}.
     */
    public List<InAppMessage> page(UUID customerId, UUID before, int limit, boolean unreadOnly) {
        StringBuilder where = new StringBuilder("where customer_id = :customerId");
        if (before != null) {
            where.append(" and seq < (select seq from in_app_message where id = :before and customer_id = :customerId)");
        }
        if (unreadOnly) {
            where.append(" and read_at is null");
        }
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery("select " + COLUMNS + " from in_app_message " + where
                            + " order by seq desc limit :limit")
                    .bind("customerId", customerId)
                    .bind("limit", limit);
            if (before != null) {
                query.bind("before", before);
            }
            return query.map((rs, ctx) -> read(rs)).list();
        });
    }

    /** Up to {@code limit} of the customer's messages stored after sequence number {@code sequence}, oldest first. */
    public List<InAppMessage> after(UUID customerId, long sequence, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from in_app_message "
                        + "where customer_id = :customerId and seq > :seq order by seq limit :limit")
                .bind("customerId", customerId)
                .bind("seq", sequence)
                .bind("limit", limit)
                .map((rs, ctx) -> read(rs))
                .list());
    }

    /** The sequence number of the customer's newest message; 0 when they have none. */
    public long latestSequence(UUID customerId) {
        return jdbi.withHandle(handle -> handle.createQuery("select coalesce(max(seq), 0) from in_app_message "
                        + "where customer_id = :customerId")
                .bind("customerId", customerId)
                .mapTo(Long.class)
                .one());
    }

    public Optional<InAppMessage> find(UUID customerId, UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from in_app_message "
                        + "where id = :id and customer_id = :customerId")
                .bind("id", id)
                .bind("customerId", customerId)
                .map((rs, ctx) -> read(rs))
                .findOne());
    }

    /** Marks the message read unless it is already; answers it as it now stands, or empty when there is none. */
    public Optional<InAppMessage> markRead(UUID customerId, UUID id) {
        jdbi.useHandle(handle -> handle.createUpdate("update in_app_message set read_at = :now "
                        + "where id = :id and customer_id = :customerId and read_at is null")
                .bind("now", utc(DatabaseTime.now(clock)))
                .bind("id", id)
                .bind("customerId", customerId)
                .execute());
        return find(customerId, id);
    }

    /** Every message of the customer, oldest first (for export). */
    public List<InAppMessage> all(UUID customerId) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from in_app_message "
                        + "where customer_id = :customerId order by seq")
                .bind("customerId", customerId)
                .map((rs, ctx) -> read(rs))
                .list());
    }

    @Override
    public void erase(Handle handle, UUID customerId, ExternalRefs refs) {
        handle.createUpdate("delete from in_app_message where customer_id = :id").bind("id", customerId).execute();
    }

    private static InAppMessage read(ResultSet rs) throws SQLException {
        OffsetDateTime readAt = rs.getObject("read_at", OffsetDateTime.class);
        return new InAppMessage(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getLong("seq"), rs.getString("send_key"), Category.valueOf(rs.getString("category")),
                rs.getString("title"), rs.getString("body"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                readAt == null ? null : readAt.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
