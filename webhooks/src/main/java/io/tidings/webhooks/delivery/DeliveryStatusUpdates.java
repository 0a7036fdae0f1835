package io.tidings.webhooks.delivery;

import io.tidings.dispatch.DeliveryChange;
import io.tidings.dispatch.DeliveryReport;
import io.tidings.dispatch.DeliveryReports;
import io.tidings.webhooks.outbound.WebhookEventType;
import io.tidings.webhooks.outbound.WebhookPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies a provider's delivery report and tells integrators when it moved a send's status
 * ({@code notification.status_changed}).
 */
@ApplicationScoped
public class DeliveryStatusUpdates {

    private final DeliveryReports reports;
    private final WebhookPublisher publisher;

    @Inject
    public DeliveryStatusUpdates(DeliveryReports reports, WebhookPublisher publisher) {
        this.reports = reports;
        this.publisher = publisher;
    }

    /** True when the report moved the send's status. */
    public boolean apply(DeliveryReport report) {
        Optional<DeliveryChange> change = reports.apply(report);
        change.ifPresent(moved -> publisher.publish(WebhookEventType.NOTIFICATION_STATUS_CHANGED, data(moved)));
        return change.isPresent();
    }

    /** The event's data; no address or message text, only ids and statuses. */
    static Map<String, Object> data(DeliveryChange change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sendId", change.outboxId().toString());
        data.put("messageId", change.messageId().toString());
        data.put("notificationId", text(change.notificationLogId()));
        data.put("customerId", change.customerId().toString());
        data.put("channel", change.channel().name());
        data.put("provider", change.providerId());
        data.put("previousStatus", change.previous() == null ? null : change.previous().name());
        data.put("status", change.status().name());
        data.put("error", change.error());
        data.put("changedAt", change.changedAt().toString());
        return data;
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
