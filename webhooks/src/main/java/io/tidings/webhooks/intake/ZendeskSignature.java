package io.tidings.webhooks.intake;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Zendesk's webhook signature: {@code X-Zendesk-Webhook-Signature} is
 * base64(HMAC-SHA256(signing secret, {@code X-Zendesk-Webhook-Signature-Timestamp} + raw body)), and
 * the timestamp must be within five minutes of now. During a secret rotation either of two
 * secrets is accepted.
 */
public final class ZendeskSignature implements InboundSignature {

    public static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
    public static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;
    private final Clock clock;

    public ZendeskSignature(SigningSecrets secrets, Clock clock) {
        this.keys = secrets.values().stream()
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM))
                .toList();
        this.clock = clock;
    }

    public boolean hasSecret() {
        return !keys.isEmpty();
    }

    @Override
    public void verify(DeliveryHeaders headers, byte[] body) {
        if (keys.isEmpty()) {
            throw new UnverifiedDeliveryException("Tidings has no Zendesk signing secret configured, so it accepts no "
                    + "Zendesk deliveries.");
        }
        byte[] presented = headers.requiredBase64(SIGNATURE_HEADER);
        String timestamp = headers.required(TIMESTAMP_HEADER);
        Instant signedAt = instant(timestamp);
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            throw new UnverifiedDeliveryException("The " + TIMESTAMP_HEADER + " is more than " + TOLERANCE.toMinutes()
                    + " minutes away from the server's time.");
        }
        byte[] signed = DeliveryHeaders.timestampThenBody(timestamp, body);
        boolean matches = false;
        for (SecretKeySpec key : keys) {
            // Every key is tried, so the time taken does not tell which secret matched.
            matches |= MessageDigest.isEqual(hmac(key, signed), presented);
        }
        if (!matches) {
            throw new UnverifiedDeliveryException("The " + SIGNATURE_HEADER + " does not match the body.");
        }
    }

    private static Instant instant(String timestamp) {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(timestamp, OffsetDateTime::from).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnverifiedDeliveryException("The " + TIMESTAMP_HEADER + " is not an ISO-8601 date-time.");
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides " + ALGORITHM, e);
        }
    }
}
