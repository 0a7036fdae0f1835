package io.tidings.webhooks.sendgrid;

import io.tidings.webhooks.intake.DeliveryHeaders;
import io.tidings.webhooks.intake.InboundSignature;
import io.tidings.webhooks.intake.UnverifiedDeliveryException;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * SendGrid's signed Event Webhook: {@code X-Twilio-Email-Event-Webhook-Signature} is a base64 DER
 * ECDSA P-256 / SHA-256 signature over {@code X-Twilio-Email-Event-Webhook-Timestamp} followed by
 * the raw body, checked with the verification key SendGrid shows (base64 DER public key).
 */
public final class SendGridSignature implements InboundSignature {

    public static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
    public static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

    private static final String ALGORITHM = "SHA256withECDSA";

    private final Optional<PublicKey> key;

    private SendGridSignature(Optional<PublicKey> key) {
        this.key = key;
    }

    /** The check with the configured verification key; without one every delivery is refused. */
    public static SendGridSignature withKey(Optional<String> base64Key) {
        return new SendGridSignature(base64Key.filter(text -> !text.isBlank()).map(SendGridSignature::publicKey));
    }

    public boolean hasKey() {
        return key.isPresent();
    }

    @Override
    public void verify(DeliveryHeaders headers, byte[] body) {
        if (key.isEmpty()) {
            throw new UnverifiedDeliveryException("Tidings has no SendGrid verification key configured, so it accepts "
                    + "no SendGrid events.");
        }
        byte[] presented = headers.requiredBase64(SIGNATURE_HEADER);
        byte[] signed = DeliveryHeaders.timestampThenBody(headers.required(TIMESTAMP_HEADER), body);
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key.get());
            verifier.update(signed);
            valid = verifier.verify(presented);
        } catch (java.security.SignatureException e) {
            valid = false; // not a DER signature at all
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides " + ALGORITHM, e);
        }
        if (!valid) {
            throw new UnverifiedDeliveryException("The " + SIGNATURE_HEADER + " does not match the body.");
        }
    }

    private static PublicKey publicKey(String base64) {
        try {
            byte[] der = Base64.getDecoder().decode(base64.strip()
                    .replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                    .replaceAll("\\s", ""));
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("tidings.sendgrid.webhook-verification-key is not a base64 EC public key",
                    e);
        }
    }
}
