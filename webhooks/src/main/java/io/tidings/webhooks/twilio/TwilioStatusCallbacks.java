package io.tidings.webhooks.twilio;

import io.tidings.dispatch.DeliveryReport;
import io.tidings.dispatch.DeliveryReports;
import io.tidings.notification.DeliveryStatus;
import io.tidings.webhooks.intake.DeliveryHeaders;
import io.tidings.webhooks.intake.MalformedDeliveryException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Twilio's status callbacks for messages ({@code MessageSid}, {@code MessageStatus}) and calls
 * ({@code CallSid}, {@code CallStatus}): verified, matched to the send by the {@code send} query
 * parameter Tidings put in the callback URL (else by the sid), and applied to its delivery status.
 */
@ApplicationScoped
public class TwilioStatusCallbacks {

    /** The query parameter of the callback URL that carries the send's idempotency key. */
    public static final String SEND_PARAMETER = "send";

    /**
     * Errors that say the number itself cannot receive: invalid 'To' (21211), not a mobile number
     * (21614), unknown or no longer in service (30005), landline or unreachable carrier (30006).
     * 30003 (handset switched off or out of coverage) passes, so it is not among them.
     */
    static final Set<String> UNREACHABLE_NUMBER = Set.of("21211", "21614", "30005", "30006");

    /**
     * Errors after which the message will not reach the customer by SMS: the unreachable numbers, and
     * 30003, the handset switched off or out of coverage, which Twilio does not try again. Others, such
     * as queue overflow (30001), carrier congestion (30017) or rate limits (30022), may pass and do not
     * move the message to another channel.
     */
    static final Set<String> FAILED_FOR_GOOD = Set.of("21211", "21614", "30003", "30005", "30006");

    private static final Map<String, DeliveryStatus> MESSAGE_STATUSES = Map.ofEntries(
            Map.entry("accepted", DeliveryStatus.QUEUED),
            Map.entry("scheduled", DeliveryStatus.QUEUED),
            Map.entry("queued", DeliveryStatus.QUEUED),
            Map.entry("sending", DeliveryStatus.SENT),
            Map.entry("sent", DeliveryStatus.SENT),
            Map.entry("delivered", DeliveryStatus.DELIVERED),
            Map.entry("partially_delivered", DeliveryStatus.DELIVERED),
            Map.entry("undelivered", DeliveryStatus.UNDELIVERED),
            Map.entry("failed", DeliveryStatus.FAILED),
            Map.entry("canceled", DeliveryStatus.FAILED),
            Map.entry("read", DeliveryStatus.READ));

    private static final Map<String, DeliveryStatus> CALL_STATUSES = Map.of(
            "queued", DeliveryStatus.QUEUED,
            "initiated", DeliveryStatus.SENT,
            "ringing", DeliveryStatus.SENT,
            "in-progress", DeliveryStatus.DELIVERED,
            "completed", DeliveryStatus.DELIVERED,
            "busy", DeliveryStatus.UNDELIVERED,
            "no-answer", DeliveryStatus.UNDELIVERED,
            "failed", DeliveryStatus.FAILED,
            "canceled", DeliveryStatus.FAILED);

    private static final System.Logger LOG = System.getLogger(TwilioStatusCallbacks.class.getName());

    private final TwilioSignature signature;
    private final DeliveryReports reports;
    private final Clock clock;

    @Inject
    public TwilioStatusCallbacks(TwilioSignature signature, DeliveryReports reports, Clock clock) {
        this.signature = signature;
        this.reports = reports;
        this.clock = clock;
    }

    /** Verifies and applies one callback; true when it moved the send's status. */
    public boolean receive(DeliveryHeaders headers, URI requested, String sendKey, byte[] body) {
        FormBody form = FormBody.parse(body);
        signature.verify(headers, requested, form);
        boolean call = form.get("CallSid") != null;
        String sid = call ? form.get("CallSid") : form.get("MessageSid");
        String reported = call ? form.get("CallStatus") : form.get("MessageStatus");
        if (sid == null || reported == null) {
            throw new MalformedDeliveryException("A Twilio status callback names MessageSid and MessageStatus, or "
                    + "CallSid and CallStatus.");
        }
        DeliveryStatus status = (call ? CALL_STATUSES : MESSAGE_STATUSES).get(reported.toLowerCase(Locale.ROOT));
        if (status == null) {
            LOG.log(System.Logger.Level.INFO, "Twilio status " + reported + " for " + sid + " has no delivery status; ignored");
            return false;
        }
        String error = form.get("ErrorCode");
        boolean unreachable = error != null && status.failed() && UNREACHABLE_NUMBER.contains(error);
        boolean failedForGood = error != null && status.failed() && FAILED_FOR_GOOD.contains(error);
        DeliveryReport report = new DeliveryReport(blankToNull(sendKey), sid, status, error, unreachable, failedForGood,
                clock.instant());
        return reports.apply(report).isPresent();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
