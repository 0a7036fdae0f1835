package io.tidings.webhooks.outbound;

import io.tidings.persistence.DatabaseTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Outbound webhook messages and their attempts in the database. */
@ApplicationScoped
public class WebhookMessageStore {

    private final Jdbi jdbi;
    private final Clock clock;

    @Inject
    public WebhookMessageStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Queues one message per endpoint subscribed to the event type and enabled; returns their ids. */
    public List<String> enqueue(String eventType, String payload) {
        return jdbi.inTransaction(handle -> enqueue(handle, eventType, payload));
    }

    /** Queues the messages inside the caller's transaction: they commit, or roll back, with it. */
    public List<String> enqueue(Handle handle, String eventType, String payload) {
        OffsetDateTime now = now();
        List<UUID> endpoints = handle.createQuery("select e.id from webhook_endpoint e join webhook_endpoint_event t "
                        + "on t.endpoint_id = e.id where t.event_type = :type and e.enabled order by e.id")
                .bind("type", eventType).mapTo(UUID.class).list();
        if (endpoints.isEmpty()) {
            return List.of();
        }
        PreparedBatch batch = handle.prepareBatch("insert into webhook_message (id, endpoint_id, event_type, payload, "
                + "created_at, status, attempts, next_attempt_at) values (:id, :endpoint, :type, :payload, :now, "
                + "'PENDING', 0, :now)");
        List<String> ids = endpoints.stream().map(endpoint -> "msg_" + UUID.randomUUID().toString().replace("-", ""))
                .toList();
        for (int i = 0; i < endpoints.size(); i++) {
            batch.bind("id", ids.get(i)).bind("endpoint", endpoints.get(i)).bind("type", eventType)
                    .bind("payload", payload).bind("now", now).add();
        }
        batch.execute();
        return ids;
    }

    /**
     * Claims up to {@code max} due messages of enabled, unthrottled endpoints for the lease; other
     * dispatchers skip them until it runs out.
     */
    public List<WebhookMessage> claimDue(int max, Duration lease) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            List<WebhookMessage> claimed = handle.createQuery("select id, endpoint_id, event_type, payload, attempts "
                            + "from webhook_message where status = 'PENDING' and next_attempt_at <= :now "
                            + "and (claimed_until is null or claimed_until < :now) and endpoint_id in (select id from "
                            + "webhook_endpoint where enabled and (throttled_until is null or throttled_until <= :now)) "
                            + "order by next_attempt_at, id limit :max for update skip locked")
                    .bind("now", now)
                    .bind("max", max)
                    .map((rs, ctx) -> new WebhookMessage(rs.getString("id"), rs.getObject("endpoint_id", UUID.class),
                            rs.getString("event_type"), rs.getString("payload"), rs.getInt("attempts")))
                    .list();
            if (!claimed.isEmpty()) {
                handle.createUpdate("update webhook_message set claimed_until = :until where id in (<ids>)")
                        .bind("until", now.plus(lease))
                        .bindList("ids", claimed.stream().map(WebhookMessage::id).toList())
                        .execute();
            }
            return claimed;
        });
    }

    /** Logs an attempt and moves the message on: delivered, due again at {@code retryAt}, or dead (retryAt null). */
    public void recordAttempt(WebhookMessage message, DeliveryAttempt attempt, Instant retryAt) {
        String status = attempt.succeeded() ? "DELIVERED" : retryAt == null ? "DEAD" : "PENDING";
        jdbi.useTransaction(handle -> {
            // Attempts are numbered over the message's whole life; a replay restarts the schedule, not the log.
            handle.createUpdate("insert into webhook_attempt (message_id, attempt, attempted_at, status_code, error, "
                            + "duration_ms) select :id, coalesce(max(attempt), 0) + 1, :at, :code, :error, :duration "
                            + "from webhook_attempt where message_id = :id")
                    .bind("id", message.id())
                    .bind("at", DatabaseTime.stored(attempt.at()).atOffset(ZoneOffset.UTC))
                    .bind("code", attempt.statusCode())
                    .bind("error", attempt.error())
                    .bind("duration", attempt.duration().toMillis())
                    .execute();
            handle.createUpdate("update webhook_message set status = :status, attempts = attempts + 1, "
                            + "next_attempt_at = :retryAt, claimed_until = null, last_error = :error where id = :id")
                    .bind("status", status)
                    .bind("retryAt", retryAt == null ? null : DatabaseTime.stored(retryAt).atOffset(ZoneOffset.UTC))
                    .bind("error", attempt.succeeded() ? null : attempt.summary())
                    .bind("id", message.id())
                    .execute();
        });
    }

    /** Holds back every message to the endpoint until the instant. */
    public void throttle(UUID endpointId, Instant until) {
        jdbi.useHandle(handle -> handle.createUpdate("update webhook_endpoint set throttled_until = :until where id = :id")
                .bind("until", DatabaseTime.stored(until).atOffset(ZoneOffset.UTC)).bind("id", endpointId).execute());
    }

    /** Stops all sending to the endpoint until an integrator enables it again. */
    public void disable(UUID endpointId, String reason) {
        jdbi.useHandle(handle -> handle.createUpdate("update webhook_endpoint set enabled = false, "
                        + "disabled_reason = :reason, updated_at = :now where id = :id")
                .bind("reason", reason).bind("now", now()).bind("id", endpointId).execute());
    }

    /** The endpoint's dead messages, oldest first. */
    public List<DeadLetter> deadLetters(UUID endpointId) {
        return jdbi.withHandle(handle -> handle.createQuery("select id, event_type, created_at, attempts, last_error "
                        + "from webhook_message where endpoint_id = :id and status = 'DEAD' order by created_at, id")
                .bind("id", endpointId)
                .map((rs, ctx) -> new DeadLetter(rs.getString("id"), rs.getString("event_type"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts"),
                        rs.getString("last_error")))
                .list());
    }

    /**
     * Sends the endpoint's messages created in [from, to) again, from the first step of the
     * schedule, whatever became of them; returns how many.
     */
    public int replay(UUID endpointId, Instant from, Instant to) {
        return jdbi.withHandle(handle -> handle.createUpdate("update webhook_message set status = 'PENDING', "
                        + "attempts = 0, next_attempt_at = :now, claimed_until = null where endpoint_id = :id "
                        + "and created_at >= :from and created_at < :to")
                .bind("now", now()).bind("id", endpointId)
                .bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .execute());
    }

    /** Sends one message again, from the first step of the schedule; false when the endpoint has no such message. */
    public boolean replay(UUID endpointId, String messageId) {
        return jdbi.withHandle(handle -> handle.createUpdate("update webhook_message set status = 'PENDING', "
                        + "attempts = 0, next_attempt_at = :now, claimed_until = null where endpoint_id = :endpoint "
                        + "and id = :id")
                .bind("now", now()).bind("endpoint", endpointId).bind("id", messageId)
                .execute()) == 1;
    }

    private OffsetDateTime now() {
        return DatabaseTime.now(clock).atOffset(ZoneOffset.UTC);
    }
}
