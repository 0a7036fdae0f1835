package io.tidings.webhooks.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentSource;
import io.tidings.dispatch.DeliveryReport;
import io.tidings.dispatch.DeliveryReports;
import io.tidings.dispatch.Outbox;
import io.tidings.http.JsonMapping;
import io.tidings.ledger.ChannelOptOuts;
import io.tidings.notification.DeliveryStatus;
import io.tidings.preference.Channel;
import io.tidings.webhooks.intake.DeliveryHeaders;
import io.tidings.webhooks.intake.MalformedDeliveryException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SendGrid's Event Webhook: a signed JSON array of events. Each event is matched to its send by
 * the {@code tidings_idempotency_key} custom argument the SendGrid provider sets (else by the
 * message id) and moves its delivery status; a hard bounce marks the address unreachable; a spam
 * report or unsubscribe withdraws marketing email consent (source provider-feedback).
 */
@ApplicationScoped
public class SendGridEvents {

    /** The custom argument the SendGrid provider sets on every mail; SendGrid echoes it in each event. */
    public static final String KEY_ARGUMENT = "tidings_idempotency_key";

    private static final Map<String, DeliveryStatus> STATUSES = Map.of(
            "processed", DeliveryStatus.QUEUED,
            "deferred", DeliveryStatus.SENT,
            "delivered", DeliveryStatus.DELIVERED,
            "bounce", DeliveryStatus.UNDELIVERED,
            "dropped", DeliveryStatus.FAILED,
            "open", DeliveryStatus.READ,
            "click", DeliveryStatus.READ);
    private static final Set<String> WITHDRAWALS = Set.of("spamreport", "unsubscribe", "group_unsubscribe");

    private static final System.Logger LOG = System.getLogger(SendGridEvents.class.getName());

    private final SendGridSignature signature;
    private final DeliveryReports reports;
    private final Outbox outbox;
    private final ChannelOptOuts optOuts;
    private final Clock clock;

    /** What Tidings answers SendGrid: events received, and of those, the ones that changed something. */
    public record Receipt(int received, int applied) {
    }

    @Inject
    public SendGridEvents(@ConfigProperty(name = "tidings.sendgrid.webhook-verification-key") Optional<String> key,
                          DeliveryReports reports, Outbox outbox, ChannelOptOuts optOuts, Clock clock) {
        this.signature = SendGridSignature.withKey(key);
        this.reports = reports;
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.clock = clock;
        if (!signature.hasKey()) {
            LOG.log(System.Logger.Level.WARNING, "tidings.sendgrid.webhook-verification-key is not set: every SendGrid "
                    + "event delivery will be refused with 401.");
        }
    }

    public Receipt receive(DeliveryHeaders headers, byte[] body) {
        signature.verify(headers, body);
        JsonNode events = events(body);
        int applied = 0;
        for (JsonNode event : events) {
            applied += apply(event) ? 1 : 0;
        }
        return new Receipt(events.size(), applied);
    }

    private boolean apply(JsonNode event) {
        String type = event.path("event").asText("");
        String key = text(event, KEY_ARGUMENT);
        String messageId = messageId(text(event, "sg_message_id"));
        if (key == null && messageId == null) {
            LOG.log(System.Logger.Level.INFO, "SendGrid " + type + " event without a Tidings key or message id; ignored");
            return false;
        }
        if (WITHDRAWALS.contains(type)) {
            return withdrawMarketing(key, type, text(event, "sg_event_id"));
        }
        DeliveryStatus status = STATUSES.get(type);
        if (status == null) {
            return false;
        }
        // SendGrid's bounce event has type "bounce" (the address does not exist) or "blocked" (the server refused for now).
        boolean hardBounce = "bounce".equals(type) && !"blocked".equals(event.path("type").asText("bounce"));
        String error = "bounce".equals(type) || "dropped".equals(type)
                ? Optional.ofNullable(text(event, "status")).orElse(event.path("type").asText(type)) : null;
        return reports.apply(new DeliveryReport(key, messageId, status, error, hardBounce, hardBounce, clock.instant()))
                .isPresent();
    }

    private boolean withdrawMarketing(String key, String type, String eventId) {
        if (key == null) {
            LOG.log(System.Logger.Level.WARNING, "SendGrid " + type + " event names no Tidings send; the withdrawal "
                    + "could not be recorded");
            return false;
        }
        return outbox.findByIdempotencyKey(key)
                .flatMap(send -> optOuts.revoke(send.entry().customerId(), ConsentPurpose.MARKETING, Channel.EMAIL,
                        ConsentSource.PROVIDER_FEEDBACK, "SendGrid " + type + " event " + eventId + " for send " + key))
                .isPresent();
    }

    /** SendGrid's event message id is the X-Message-Id the send answered, followed by ".filter…". */
    private static String messageId(String sgMessageId) {
        if (sgMessageId == null) {
            return null;
        }
        int dot = sgMessageId.indexOf('.');
        return dot < 0 ? sgMessageId : sgMessageId.substring(0, dot);
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || !value.isValueNode() || value.asText().isBlank() ? null : value.asText();
    }

    private static JsonNode events(byte[] body) {
        JsonNode events;
        try {
            events = JsonMapping.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new MalformedDeliveryException("The body is not JSON.", e);
        }
        if (events == null || !events.isArray()) {
            throw new MalformedDeliveryException("SendGrid posts a JSON array of events.");
        }
        return events;
    }
}
