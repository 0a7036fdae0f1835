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
import java.util.Arrays;
import java.util.Base64;
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
        String signature = required(headers, SIGNATURE_HEADER);
        String timestamp = required(headers, TIMESTAMP_HEADER);
        Instant signedAt = instant(timestamp);
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            throw new UnverifiedDeliveryException("The " + TIMESTAMP_HEADER + " is more than " + TOLERANCE.toMinutes()
                    + " minutes away from the server's time.");
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new UnverifiedDeliveryException("The " + SIGNATURE_HEADER + " is not base64.");
        }
        byte[] signed = signedBytes(timestamp, body);
        boolean matches = false;
        for (SecretKeySpec key : keys) {
            // Every key is tried, so the time taken does not tell which secret matched.
            matches |= MessageDigest.isEqual(hmac(key, signed), presented);
        }
        if (!matches) {
            throw new UnverifiedDeliveryException("The " + SIGNATURE_HEADER + " does not match the body.");
        }
    }

    private static String required(DeliveryHeaders headers, String name) {
        String value = headers.first(name);
        if (value == null || value.isBlank()) {
            throw new UnverifiedDeliveryException("The delivery has no " + name + " header.");
        }
        return value.strip();
    }

    private static Instant instant(String timestamp) {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(timestamp, OffsetDateTime::from).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnverifiedDeliveryException("The " + TIMESTAMP_HEADER + " is not an ISO-8601 date-time.");
        }
    }

    private static byte[] signedBytes(String timestamp, byte[] body) {
        byte[] prefix = timestamp.getBytes(StandardCharsets.UTF_8);
        byte[] signed = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return signed;
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
