package io.tidings.webhooks.sendgrid;

import io.tidings.webhooks.intake.DeliveryHeaders;
import io.tidings.webhooks.intake.UnverifiedDeliveryException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SendGrid's ECDSA event signature, checked against a key pair made here and signed as SendGrid signs. */
class SendGridSignatureTest {

    private static final String BODY = "[{\"email\":\"amara@example.com\",\"event\":\"delivered\",\"sg_event_id\":\"e1\"}]";
    private static final String TIMESTAMP = "1764150000";

    private final KeyPair sendgrid = keyPair();
    private final SendGridSignature check = SendGridSignature.withKey(Optional.of(
            Base64.getEncoder().encodeToString(sendgrid.getPublic().getEncoded())));

    @Test
    void acceptsTheTimestampAndBodySignedWithTheKey() throws Exception {
        assertThatCode(() -> check.verify(headers(sign(sendgrid, TIMESTAMP + BODY), TIMESTAMP), bytes(BODY)))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsTheKeyInPemForm() throws Exception {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(sendgrid.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";

        assertThatCode(() -> SendGridSignature.withKey(Optional.of(pem))
                .verify(headers(sign(sendgrid, TIMESTAMP + BODY), TIMESTAMP), bytes(BODY))).doesNotThrowAnyException();
    }

    @Test
    void refusesAnotherKeyAnotherBodyAnotherTimestampAndGarbage() throws Exception {
        String valid = sign(sendgrid, TIMESTAMP + BODY);

        assertRefused(headers(sign(keyPair(), TIMESTAMP + BODY), TIMESTAMP), BODY);
        assertRefused(headers(valid, TIMESTAMP), BODY.replace("delivered", "bounce"));
        assertRefused(headers(valid, "1764150001"), BODY);
        assertRefused(headers("not base64!", TIMESTAMP), BODY);
        assertRefused(headers(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}), TIMESTAMP), BODY);
        assertRefused(name -> null, BODY);
    }

    @Test
    void withoutAKeyEverythingIsRefused() throws Exception {
        SendGridSignature none = SendGridSignature.withKey(Optional.empty());

        assertThat(none.hasKey()).isFalse();
        assertThatThrownBy(() -> none.verify(headers(sign(sendgrid, TIMESTAMP + BODY), TIMESTAMP), bytes(BODY)))
                .isInstanceOf(UnverifiedDeliveryException.class);
    }

    @Test
    void aKeyThatIsNotAnEcPublicKeyIsAConfigurationError() {
        assertThatThrownBy(() -> SendGridSignature.withKey(Optional.of("bm90IGEga2V5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tidings.sendgrid.webhook-verification-key");
    }

    private void assertRefused(DeliveryHeaders headers, String body) {
        assertThatThrownBy(() -> check.verify(headers, bytes(body))).isInstanceOf(UnverifiedDeliveryException.class);
    }

    private static DeliveryHeaders headers(String signature, String timestamp) {
        Map<String, String> values = Map.of(SendGridSignature.SIGNATURE_HEADER.toLowerCase(), signature,
                SendGridSignature.TIMESTAMP_HEADER.toLowerCase(), timestamp);
        return name -> values.get(name.toLowerCase());
    }

    private static String sign(KeyPair pair, String signed) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(bytes(signed));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
