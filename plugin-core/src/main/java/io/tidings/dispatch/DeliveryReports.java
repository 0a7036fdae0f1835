package io.tidings.dispatch;

import io.tidings.customer.CustomerStore;
import io.tidings.customer.UnreachableContactPoints;
import io.tidings.event.DomainEvents;
import io.tidings.event.NotificationStatusChanged;
import io.tidings.notification.DeliveryStatus;
import io.tidings.persistence.DatabaseTime;
import io.tidings.preference.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies providers' delivery reports to the outbox: a send's delivery status only moves forward,
 * whatever order the reports arrive in, and a report that the address cannot receive marks the
 * customer's contact point unreachable on that channel, so later decisions leave the channel out.
 * A report that the message failed for good moves it to the next channel that may carry it
 * ({@link Redecisions#fallBackAfterSending}), once: a repeated report moves no status. Each move is
 * published as {@link NotificationStatusChanged} in the same transaction.
 */
@ApplicationScoped
public class DeliveryReports {

    private static final System.Logger LOG = System.getLogger(DeliveryReports.class.getName());

    private final CustomerStore customers;
    private final UnreachableContactPoints contactPoints;
    private final DomainEvents events;
    private final Redecisions redecisions;

    @Inject
    public DeliveryReports(CustomerStore customers, UnreachableContactPoints contactPoints, DomainEvents events,
                           Redecisions redecisions) {
        this.customers = customers;
        this.contactPoints = contactPoints;
        this.events = events;
        this.redecisions = redecisions;
    }

    /**
     * Applies the report in one transaction; answers the change when the status moved, empty when
     * the send is unknown or the report is older than what is recorded.
     */
    public Optional<NotificationStatusChanged> apply(DeliveryReport report) {
        Instant at = DatabaseTime.stored(report.reportedAt());
        String send = report.idempotencyKey() != null ? "idempotency_key = :key" : "provider_message_id = :sid";
        return customers.inTransaction(handle -> {
            if (report.failedForGood()) {
                // Fallback locks the message's sends in id order; taking them in that order before this
                // one means a dispatcher falling back on another channel of it never waits on this.
                handle.createQuery("select id from outbox where message_id in (select message_id from outbox where "
                                + send + ") order by id for update")
                        .bind("key", report.idempotencyKey())
                        .bind("sid", report.providerMessageId())
                        .mapTo(UUID.class)
                        .list();
            }
            Optional<Row> found = handle.createQuery("select id, message_id, notification_log_id, customer_id, channel, "
                            + "provider_id, status, delivery_status from outbox where " + send + " for update")
                    .bind("key", report.idempotencyKey())
                    .bind("sid", report.providerMessageId())
                    .map((rs, ctx) -> new Row(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
                            rs.getObject("notification_log_id", UUID.class), rs.getObject("customer_id", UUID.class),
                            Channel.valueOf(rs.getString("channel")), rs.getString("provider_id"),
                            OutboxStatus.valueOf(rs.getString("status")), rs.getString("delivery_status") == null ? null
                                    : DeliveryStatus.valueOf(rs.getString("delivery_status"))))
                    .findFirst();
            if (found.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "a delivery report names no known send; ignored");
                return Optional.<NotificationStatusChanged>empty();
            }
            Row row = found.get();
            String reported = "provider reported " + report.status().name().toLowerCase(java.util.Locale.ROOT)
                    + (report.error() == null ? "" : " (" + report.error() + ")");
            if (report.addressUnreachable()) {
                customers.find(row.customerId).ifPresent(customer -> contactPoints.mark(handle, customer, row.channel,
                        reported, at));
            }
            if (!report.status().follows(row.status)) {
                return Optional.<NotificationStatusChanged>empty();
            }
            handle.createUpdate("update outbox set delivery_status = :status, delivery_error = :error, "
                            + "delivery_updated_at = :at where id = :id")
                    .bind("status", report.status().name())
                    .bind("error", report.error() == null ? null : truncated(report.error()))
                    .bind("at", utc(at))
                    .bind("id", row.id)
                    .execute();
            NotificationStatusChanged change = new NotificationStatusChanged(row.id, row.messageId,
                    row.notificationLogId, row.customerId, row.channel, row.providerId, row.status, report.status(),
                    report.error(), at);
            events.publish(handle, change);
            // SENDING: the callback can come before the dispatcher has recorded the provider's acceptance.
            if (report.failedForGood()
                    && (row.sendStatus == OutboxStatus.SENT || row.sendStatus == OutboxStatus.SENDING)) {
                redecisions.fallBackAfterSending(handle, row.id, reported);
            }
            return Optional.of(change);
        });
    }

    private static String truncated(String error) {
        return error.length() <= 64 ? error : error.substring(0, 64);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Row(UUID id, UUID messageId, UUID notificationLogId, UUID customerId, Channel channel,
                       String providerId, OutboxStatus sendStatus, DeliveryStatus status) {
    }
}
