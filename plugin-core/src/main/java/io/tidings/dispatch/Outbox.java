package io.tidings.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.tidings.decision.EventKind;
import io.tidings.http.JsonMapping;
import io.tidings.notification.DeliveryStatus;
import io.tidings.persistence.DatabaseTime;
import io.tidings.persistence.UuidV7;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The outbox in the database: one row per channel send, claimed by dispatchers under leases so
 * that any number of replicas never work on the same row at once.
 */
@ApplicationScoped
public class Outbox {

    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, message_id, notification_log_id, customer_id, event_kind, category, "
            + "channel, template_values, idempotency_key, status, attempts, next_attempt_at, provider_id, "
            + "provider_message_id, possible_duplicate, last_error, collapse_key, decide_again, created_at";
    /*
     * Due rows: claimed ones whose lease ran out (their dispatcher died), then queued ones whose
     * time has come. SKIP LOCKED lets concurrent claimers pass over each other's rows; both
     * PostgreSQL and H2 2.4 accept it, so each query serves both. Neither accepts it in an UPDATE
     * ... RETURNING that H2 would also run, hence select-then-update in one transaction. Two queries
     * rather than one with OR: each walks the (status, next_attempt_at) index and stops at the
     * limit, where the OR made H2 scan the whole table, sent rows included, on every claim. The
     * order repeats the constant status so that H2 sees the index order and does not sort.
     */
    private static final String EXPIRED_LEASES = "select " + COLUMNS + " from outbox where status = 'SENDING' "
            + "and lease_until <= :now order by status, next_attempt_at limit :limit for update skip locked";
    private static final String DUE = "select " + COLUMNS + " from outbox where status = 'QUEUED' "
            + "and next_attempt_at <= :now order by status, next_attempt_at limit :limit for update skip locked";

    private static final String SENT = "status = 'SENT', provider_id = :provider, provider_message_id = :messageId, "
            + "possible_duplicate = :duplicate, last_error = null";

    private final Jdbi jdbi;
    private final Clock clock;

    @Inject
    public Outbox(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Adds the send in the caller's transaction unless a send with its idempotency key exists;
     * true when added. Two transactions adding the same key at once: the later one fails on the
     * key's unique constraint and rolls back.
     */
    public boolean enqueue(Handle handle, OutboxEntry entry) {
        Instant now = DatabaseTime.now(clock);
        return handle.createUpdate("insert into outbox (id, message_id, notification_log_id, customer_id, event_kind, "
                        + "category, channel, template_values, idempotency_key, status, attempts, next_attempt_at, "
                        + "possible_duplicate, collapse_key, decide_again, created_at, updated_at) select :id, :messageId, "
                        + "cast(:logId as uuid), :customerId, :kind, :category, :channel, :values, :key, 'QUEUED', 0, "
                        + ":notBefore, false, :collapseKey, :decideAgain, :now, :now "
                        + "where not exists (select 1 from outbox where idempotency_key = :key)")
                .bind("id", UuidV7.next(clock))
                .bind("messageId", entry.messageId())
                .bind("logId", entry.notificationLogId())
                .bind("customerId", entry.customerId())
                .bind("kind", entry.kind().name())
                .bind("category", entry.category().name())
                .bind("channel", entry.channel().name())
                .bind("values", json(entry.values()))
                .bind("key", entry.idempotencyKey())
                .bind("notBefore", utc(DatabaseTime.stored(entry.notBefore())))
                .bind("collapseKey", entry.collapseKey())
                .bind("decideAgain", entry.decideAgain())
                .bind("now", utc(now))
                .execute() > 0;
    }

    /** Adds the send in a transaction of its own; see {@link #enqueue(Handle, OutboxEntry)}. */
    public boolean enqueue(OutboxEntry entry) {
        return jdbi.inTransaction(handle -> enqueue(handle, entry));
    }

    /** Claims up to {@code limit} due sends for {@code lease}; each claim counts as an attempt. */
    public List<ClaimedSend> claimDue(int limit, Duration lease) {
        Instant now = DatabaseTime.now(clock);
        UUID token = UUID.randomUUID();
        return jdbi.inTransaction(handle -> {
            List<ClaimedSend> claimed = new ArrayList<>(claimable(handle, EXPIRED_LEASES, now, limit, token, true));
            if (claimed.size() < limit) {
                claimed.addAll(claimable(handle, DUE, now, limit - claimed.size(), token, false));
            }
            if (claimed.isEmpty()) {
                return List.of();
            }
            handle.createUpdate("update outbox set status = 'SENDING', attempts = attempts + 1, lease_token = :token, "
                            + "lease_until = :until, updated_at = :now where id in (<ids>)")
                    .bindList("ids", claimed.stream().map(ClaimedSend::id).toList())
                    .bind("token", token)
                    .bind("until", utc(now.plus(lease)))
                    .bind("now", utc(now))
                    .execute();
            return claimed;
        });
    }

    /** Locks the rows {@code query} finds and reads them as claims under {@code token}, one attempt on. */
    private static List<ClaimedSend> claimable(Handle handle, String query, Instant now, int limit, UUID token,
                                               boolean resumed) {
        return handle.createQuery(query)
                .bind("now", utc(now))
                .bind("limit", limit)
                .map((rs, ctx) -> new ClaimedSend(rs.getObject("id", UUID.class), entry(rs), rs.getInt("attempts") + 1,
                        token, resumed, rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Records accepted sends in one transaction; returns how many were still this dispatcher's
     * (a send whose lease was lost meanwhile is left to the dispatcher that has it now).
     */
    public int markAllSent(List<AcceptedSend> accepted) {
        if (accepted.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = utc(DatabaseTime.now(clock));
        return jdbi.inTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(finishing(SENT));
            for (AcceptedSend send : accepted) {
                batch.bind("provider", send.providerId())
                        .bind("messageId", send.providerMessageId())
                        .bind("duplicate", send.possibleDuplicate())
                        .bind("now", now)
                        .bind("id", send.claim().id())
                        .bind("token", send.claim().leaseToken())
                        .add();
            }
            return IntStream.of(batch.execute()).sum();
        });
    }

    /** Records a failure that may pass: queued again per the schedule, or FAILED when it is spent. */
    public boolean markRetryable(ClaimedSend claim, String providerId, String error, RetrySchedule schedule) {
        return markRetryable(claim, providerId, error, schedule, Duration.ZERO);
    }

    /**
     * Records a failure that may pass: queued again per the schedule but not before {@code retryAfter}
     * from now (the provider asked to wait), or FAILED when the schedule is spent.
     */
    public boolean markRetryable(ClaimedSend claim, String providerId, String error, RetrySchedule schedule,
                                 Duration retryAfter) {
        Instant now = DatabaseTime.now(clock);
        Optional<Instant> next = schedule.nextAttempt(claim.attempt(), now)
                .map(scheduled -> scheduled.isBefore(now.plus(retryAfter)) ? now.plus(retryAfter) : scheduled);
        if (next.isEmpty()) {
            return finish(claim, "status = 'FAILED', provider_id = :provider, last_error = :error",
                    Map.of("provider", providerId, "error", truncated(error)));
        }
        return finish(claim, "status = 'QUEUED', provider_id = :provider, last_error = :error, next_attempt_at = :next",
                Map.of("provider", providerId, "error", truncated(error), "next", utc(DatabaseTime.stored(next.get()))));
    }

    /**
     * Records, in the caller's transaction, that the send can never succeed. {@code providerId} is
     * empty when no provider was reached.
     */
    public boolean markUndeliverable(Handle handle, ClaimedSend claim, String providerId, String error) {
        return finish(handle, claim, "status = 'UNDELIVERABLE', provider_id = :provider, last_error = :error",
                Map.of("provider", providerId, "error", truncated(error)));
    }

    /** Records, in a transaction of its own, that the send can never succeed. */
    public boolean markUndeliverable(ClaimedSend claim, String providerId, String error) {
        return jdbi.withHandle(handle -> markUndeliverable(handle, claim, providerId, error));
    }

    /** Records, in the caller's transaction, that the send was decided again and is not to be sent. */
    public boolean markSuppressed(Handle handle, ClaimedSend claim, String reason) {
        return finish(handle, claim, "status = 'SUPPRESSED', last_error = :reason",
                Map.of("reason", truncated(reason)));
    }

    /**
     * Puts a claimed send back, in the caller's transaction, until {@code until}, to be decided again
     * then; the claim does not count as an attempt.
     */
    public boolean deferAgain(Handle handle, ClaimedSend claim, Instant until) {
        return finish(handle, claim, "status = 'QUEUED', attempts = attempts - 1, decide_again = true, "
                + "next_attempt_at = :next", Map.of("next", utc(DatabaseTime.stored(until))));
    }

    /**
     * The channels the message has sends on, with where each stands, locking those rows until the
     * caller's transaction ends so that two dispatchers finishing sends of one message take turns.
     */
    public Map<Channel, ChannelSend> lockMessage(Handle handle, UUID messageId) {
        Map<Channel, ChannelSend> channels = new EnumMap<>(Channel.class);
        handle.createQuery("select channel, status, delivery_status from outbox where message_id = :message "
                        + "order by id for update")
                .bind("message", messageId)
                .map((rs, ctx) -> channels.put(Channel.valueOf(rs.getString("channel")),
                        new ChannelSend(OutboxStatus.valueOf(rs.getString("status")),
                                rs.getString("delivery_status") == null ? null
                                        : DeliveryStatus.valueOf(rs.getString("delivery_status")))))
                .list();
        return channels;
    }

    /**
     * Puts a claimed send back untried until {@code at} (its provider's breaker is open or its pace
     * is reached); the claim does not count as an attempt.
     */
    public boolean release(ClaimedSend claim, Instant at) {
        return finish(claim, "status = 'QUEUED', attempts = attempts - 1, next_attempt_at = :next",
                Map.of("next", utc(DatabaseTime.stored(at))));
    }

    /** Removes the customer's sends, pending or done (erasure). */
    public void deleteFor(Handle handle, UUID customerId) {
        handle.createUpdate("delete from outbox where customer_id = :id").bind("id", customerId).execute();
    }

    public Optional<OutboxRecord> find(UUID id) {
        return jdbi.withHandle(handle -> find(handle, id));
    }

    /** The send as the caller's transaction sees it. */
    public Optional<OutboxRecord> find(Handle handle, UUID id) {
        return handle.createQuery("select " + COLUMNS + " from outbox where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> record(rs))
                .findOne();
    }

    public Optional<OutboxRecord> findByIdempotencyKey(String key) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from outbox "
                        + "where idempotency_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> record(rs))
                .findOne());
    }

    private boolean finish(ClaimedSend claim, String assignments, Map<String, Object> values) {
        return jdbi.withHandle(handle -> finish(handle, claim, assignments, values));
    }

    private boolean finish(Handle handle, ClaimedSend claim, String assignments, Map<String, Object> values) {
        return handle.createUpdate(finishing(assignments))
                .bindMap(values)
                .bind("now", utc(DatabaseTime.now(clock)))
                .bind("id", claim.id())
                .bind("token", claim.leaseToken())
                .execute() > 0;
    }

    /** The update that records an outcome and ends the lease, if the row is still held under it. */
    private static String finishing(String assignments) {
        return "update outbox set " + assignments + ", lease_token = null, lease_until = null, updated_at = :now "
                + "where id = :id and lease_token = :token";
    }

    private static OutboxRecord record(ResultSet rs) throws SQLException {
        return new OutboxRecord(rs.getObject("id", UUID.class), entry(rs), OutboxStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                rs.getString("provider_id"), rs.getString("provider_message_id"), rs.getBoolean("possible_duplicate"),
                rs.getString("last_error"));
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getObject("message_id", UUID.class), rs.getObject("notification_log_id", UUID.class),
                rs.getObject("customer_id", UUID.class), EventKind.valueOf(rs.getString("event_kind")),
                Category.valueOf(rs.getString("category")), Channel.valueOf(rs.getString("channel")),
                values(rs.getString("template_values")), rs.getString("idempotency_key"),
                rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(), rs.getString("collapse_key"),
                rs.getBoolean("decide_again"));
    }

    private static String truncated(String error) {
        return error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String json(Map<String, String> values) {
        try {
            return JsonMapping.MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template values could not be written as JSON", e);
        }
    }

    private static Map<String, String> values(String json) {
        try {
            return JsonMapping.MAPPER.readValue(json, VALUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored template values are not readable", e);
        }
    }
}
