package io.tidings.webhooks.intake;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardWebhooksSignatureTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "tidings-flow-secret-0123456789ab".getBytes(StandardCharsets.UTF_8));
    private static final String OTHER_SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "another-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private static final String ID = "msg_2p5hQe1pTRvSeNbNQxYx7aJ3Xk1";
    private static final byte[] BODY = "{\"type\":\"account.changed\",\"timestamp\":\"2026-11-22T09:30:00Z\",\"data\":{}}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsASignatureComputedByTheSpecification() {
        long now = Instant.now().getEpochSecond();

        assertThatCode(() -> signature(SECRET).verify(headers(now, sign(SECRET, now)), BODY)).doesNotThrowAnyException();
    }

    @Test
    void acceptsAnyOfSeveralSignaturesInTheHeader() {
        long now = Instant.now().getEpochSecond();

        assertThatCode(() -> signature(SECRET).verify(headers(now, sign(OTHER_SECRET, now) + " " + sign(SECRET, now)), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsEitherOfTwoSecretsDuringRotation() {
        long now = Instant.now().getEpochSecond();

        assertThatCode(() -> new StandardWebhooksSignature(SigningSecrets.of(OTHER_SECRET, SECRET))
                .verify(headers(now, sign(SECRET, now)), BODY)).doesNotThrowAnyException();
    }

    @Test
    void refusesAnotherSecretAChangedBodyAndAStaleTimestamp() {
        long now = Instant.now().getEpochSecond();
        long stale = now - 301;

        assertThatThrownBy(() -> signature(SECRET).verify(headers(now, sign(OTHER_SECRET, now)), BODY))
                .isInstanceOf(UnverifiedDeliveryException.class);
        assertThatThrownBy(() -> signature(SECRET).verify(headers(now, sign(SECRET, now)), "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnverifiedDeliveryException.class);
        assertThatThrownBy(() -> signature(SECRET).verify(headers(stale, sign(SECRET, stale)), BODY))
                .isInstanceOf(UnverifiedDeliveryException.class).hasMessageContaining("too old");
    }

    @Test
    void refusesMissingHeaders() {
        assertThatThrownBy(() -> signature(SECRET).verify(name -> null, BODY))
                .isInstanceOf(UnverifiedDeliveryException.class).hasMessageContaining("webhook-id");
    }

    private static StandardWebhooksSignature signature(String secret) {
        return new StandardWebhooksSignature(SigningSecrets.of(secret));
    }

    private static DeliveryHeaders headers(long timestamp, String signature) {
        Map<String, String> values = Map.of("webhook-id", ID, "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", signature);
        return values::get;
    }

    /** v1,base64(HMAC-SHA256(base64-decoded secret, id.timestamp.body)), as the specification defines it. */
    private static String sign(String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((ID + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(BODY));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
