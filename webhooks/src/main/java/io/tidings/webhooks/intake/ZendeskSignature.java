package io.tidings.webhooks.intake;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private final List<Signer> signers;
    private final Clock clock;

    public ZendeskSignature(SigningSecrets secrets, Clock clock) {
        this.signers = secrets.values().stream()
                .map(secret -> new Signer(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM)))
                .toList();
        this.clock = clock;
    }

    public boolean hasSecret() {
        return !signers.isEmpty();
    }

    @Override
    public void verify(DeliveryHeaders headers, byte[] body) {
        if (signers.isEmpty()) {
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
        for (Signer signer : signers) {
            // Every secret is tried, so the time taken does not tell which one matched.
            matches |= MessageDigest.isEqual(signer.sign(signed), presented);
        }
        if (!matches) {
            throw new UnverifiedDeliveryException("The " + SIGNATURE_HEADER + " does not match the body.");
        }
    }

    private static Instant instant(String timestamp) {
        try {
            return OffsetInstants.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new UnverifiedDeliveryException("The " + TIMESTAMP_HEADER + " is not an ISO-8601 date-time.");
        }
    }

    /**
     * One secret's HMAC, initialised once. Each signature is computed on a clone of it: looking the
     * algorithm up and keying it anew cost more than the HMAC of a webhook body itself.
     */
    private static final class Signer {

        private final SecretKeySpec key;
        private final Mac initialised;

        Signer(SecretKeySpec key) {
            this.key = key;
            this.initialised = newMac(key);
        }

        byte[] sign(byte[] data) {
            Mac mac;
            try {
                mac = (Mac) initialised.clone();
            } catch (CloneNotSupportedException e) {
                // A provider whose HMAC cannot be cloned is still correct, only slower.
                mac = newMac(key);
            }
            return mac.doFinal(data);
        }

        private static Mac newMac(SecretKeySpec key) {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JDK provides " + ALGORITHM, e);
            }
        }
    }
}
