package io.tidings.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.tidings.decision.EventKind;
import io.tidings.decision.Outcome;
import io.tidings.decision.SendHistory;
import io.tidings.decision.SentMessage;
import io.tidings.http.JsonMapping;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The notification log in the database: every real decision, one row per channel. */
@ApplicationScoped
public class NotificationLog {

    private static final TypeReference<List<LoggedStep>> TRAIL = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, message_id, customer_id, event_kind, category, collapse_key, channel, "
            + "outcome, defer_until, reason, trail, decided_at";

    /** Entries with what the provider last reported about their send. */
    private static final String SELECT = "select n.id, n.message_id, n.customer_id, n.event_kind, n.category, "
            + "n.collapse_key, n.channel, n.outcome, n.defer_until, n.reason, n.trail, n.decided_at, o.delivery_status "
            + "from notification_log n left join outbox o on o.notification_log_id = n.id ";

    private final Jdbi jdbi;

    @Inject
    public NotificationLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Appends the entries of one decision. */
    public void append(Handle handle, List<NotificationLogEntry> entries) {
        PreparedBatch batch = handle.prepareBatch("insert into notification_log (" + COLUMNS + ") values (:id, "
                + ":messageId, :customerId, :kind, :category, :collapseKey, :channel, :outcome, :deferUntil, :reason, "
                + ":trail, :decidedAt)");
        for (NotificationLogEntry entry : entries) {
            batch.bind("id", entry.id())
                    .bind("messageId", entry.messageId())
                    .bind("customerId", entry.customerId())
                    .bind("kind", entry.kind().name())
                    .bind("category", entry.category().name())
                    .bind("collapseKey", entry.collapseKey())
                    .bind("channel", entry.channel().name())
                    .bind("outcome", entry.outcome().name())
                    .bind("deferUntil", entry.deferUntil() == null ? null : entry.deferUntil().atOffset(ZoneOffset.UTC))
                    .bind("reason", entry.reason())
                    .bind("trail", json(entry.trail()))
                    .bind("decidedAt", entry.decidedAt().atOffset(ZoneOffset.UTC))
                    .add();
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /** The customer's latest entries, newest first. */
    public List<NotificationLogEntry> entries(UUID customerId, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT
                        + "where n.customer_id = :id order by n.decided_at desc, n.id desc limit :limit")
                .bind("id", customerId)
                .bind("limit", limit)
                .map((rs, ctx) -> entry(rs))
                .list());
    }

    /** Every entry of the customer, oldest first (for export). */
    public List<NotificationLogEntry> allEntries(UUID customerId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT
                        + "where n.customer_id = :id order by n.decided_at, n.id")
                .bind("id", customerId)
                .map((rs, ctx) -> entry(rs))
                .list());
    }

    /**
     * The messages decided SEND on some channel after {@code after}, as caps and collapsing count
     * them: one per message, at its decision time.
     */
    public SendHistory sentSince(UUID customerId, Instant after) {
        return new SendHistory(jdbi.withHandle(handle -> handle.createQuery("select message_id, "
                        + "min(category) as category, min(event_kind) as event_kind, min(collapse_key) as collapse_key, "
                        + "min(decided_at) as decided_at from notification_log where customer_id = :id "
                        + "and outcome = 'SEND' and decided_at > :after group by message_id")
                .bind("id", customerId)
                .bind("after", after.atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> new SentMessage(rs.getObject("message_id", UUID.class).toString(),
                        Category.valueOf(rs.getString("category")), EventKind.valueOf(rs.getString("event_kind")),
                        rs.getString("collapse_key"), rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
                .list()));
    }

    /** Removes the customer's log (erasure). */
    public void deleteFor(Handle handle, UUID customerId) {
        handle.createUpdate("delete from notification_log where customer_id = :id").bind("id", customerId).execute();
    }

    private static NotificationLogEntry entry(ResultSet rs) throws SQLException {
        OffsetDateTime deferUntil = rs.getObject("defer_until", OffsetDateTime.class);
        return new NotificationLogEntry(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
                rs.getObject("customer_id", UUID.class), EventKind.valueOf(rs.getString("event_kind")),
                Category.valueOf(rs.getString("category")), rs.getString("collapse_key"),
                Channel.valueOf(rs.getString("channel")), Outcome.valueOf(rs.getString("outcome")),
                deferUntil == null ? null : deferUntil.toInstant(), rs.getString("reason"), trail(rs.getString("trail")),
                rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
                rs.getString("delivery_status") == null ? null : DeliveryStatus.valueOf(rs.getString("delivery_status")));
    }

    private static String json(List<LoggedStep> trail) {
        try {
            return JsonMapping.MAPPER.writeValueAsString(trail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision trail could not be written as JSON", e);
        }
    }

    private static List<LoggedStep> trail(String json) {
        try {
            return JsonMapping.MAPPER.readValue(json, TRAIL);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a logged decision trail is not readable", e);
        }
    }
}
