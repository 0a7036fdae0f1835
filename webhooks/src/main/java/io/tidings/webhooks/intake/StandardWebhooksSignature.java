package io.tidings.webhooks.intake;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Standard Webhooks signature ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature: v1,<base64>} over {@code id.timestamp.body}), checked by the Standard
 * Webhooks library: constant-time, timestamps within five minutes of the system clock. Either of
 * two {@code whsec_} secrets is accepted during a rotation.
 */
public final class StandardWebhooksSignature implements InboundSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private final List<Webhook> verifiers;

    public StandardWebhooksSignature(SigningSecrets secrets) {
        this.verifiers = secrets.values().stream().map(StandardWebhooksSignature::verifier).toList();
    }

    private static Webhook verifier(String secret) {
        try {
            return new Webhook(secret);
        } catch (EmptyWebhookSecretException e) {
            throw new IllegalArgumentException("a Standard Webhooks secret must not be empty");
        }
    }

    public boolean hasSecret() {
        return !verifiers.isEmpty();
    }

    @Override
    public void verify(DeliveryHeaders headers, byte[] body) {
        if (verifiers.isEmpty()) {
            throw new UnverifiedDeliveryException("Tidings has no signing secret configured for this source, so it "
                    + "accepts no deliveries from it.");
        }
        Map<String, List<String>> signed = new HashMap<>();
        for (String name : List.of(ID_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER)) {
            signed.put(name, List.of(headers.required(name)));
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        String failure = null;
        for (Webhook verifier : verifiers) {
            try {
                verifier.verify(payload, signed);
                return;
            } catch (WebhookVerificationException e) {
                failure = e.getMessage();
            }
        }
        throw new UnverifiedDeliveryException("The Standard Webhooks signature does not verify: " + failure + ".");
    }
}
