package io.tidings.webhooks.intake;

import io.tidings.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZendeskSignatureTest {

    private static final String SECRET = "dGlkaW5ncy16ZW5kZXNrLXRlc3Q=";
    private static final String TIMESTAMP = "2026-11-22T10:15:30Z";
    private static final byte[] BODY = "{\"id\":\"01JD-EXAMPLE\",\"type\":\"zen:event-type:ticket.status_changed\"}"
            .getBytes(StandardCharsets.UTF_8);
    /** Computed outside Java: printf '%s' "$TIMESTAMP$BODY" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64 */
    private static final String OPENSSL_SIGNATURE = "TxZ/mAKurzVGi8aGwdRUkTI6q5QrK3R+/FeKKRxi3GE=";

    private final MutableClock clock = new MutableClock(Instant.parse(TIMESTAMP));

    @Test
    void acceptsTheSignatureOpensslComputes() {
        assertThatCode(() -> signature(SECRET).verify(headers(OPENSSL_SIGNATURE, TIMESTAMP), BODY)).doesNotThrowAnyException();
    }

    @Test
    void verifiesConcurrentDeliveriesWithOneSignature() throws Exception {
        ZendeskSignature shared = signature(SECRET);
        byte[] forged = new String(BODY, StandardCharsets.UTF_8).replace("01JD", "02JD").getBytes(StandardCharsets.UTF_8);
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> verdicts = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                byte[] body = i % 2 == 0 ? BODY : forged;
                verdicts.add(threads.submit(() -> verifies(shared, body)));
            }
            for (int i = 0; i < verdicts.size(); i++) {
                assertThat(verdicts.get(i).get()).as("delivery %d", i).isEqualTo(i % 2 == 0);
            }
        }
    }

    @Test
    void refusesAChangedBody() {
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("status_changed", "comment_added")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> signature(SECRET).verify(headers(OPENSSL_SIGNATURE, TIMESTAMP), changed))
                .isInstanceOf(UnverifiedDeliveryException.class).hasMessageContaining("does not match");
    }

    @Test
    void refusesAnotherSecret() {
        assertThatThrownBy(() -> signature("another-secret").verify(headers(OPENSSL_SIGNATURE, TIMESTAMP), BODY))
                .isInstanceOf(UnverifiedDeliveryException.class);
    }

    @Test
    void refusesASignatureOverAnotherTimestamp() {
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> signature(SECRET).verify(headers(OPENSSL_SIGNATURE, "2026-11-22T10:15:31Z"), BODY))
                .isInstanceOf(UnverifiedDeliveryException.class).hasMessageContaining("does not match");
    }

    @Test
    void acceptsEitherOfTwoSecretsDuringRotation() {
        assertThatCode(() -> new ZendeskSignature(SigningSecrets.configured("key", "new-secret, " + SECRET), clock)
                .verify(headers(OPENSSL_SIGNATURE, TIMESTAMP), BODY)).doesNotThrowAnyException();
        assertThatCode(() -> new ZendeskSignature(SigningSecrets.configured("key", SECRET + ",new-secret"), clock)
                .verify(headers(OPENSSL_SIGNATURE, TIMESTAMP), BODY)).doesNotThrowAnyException();
    }

    @Test
    void refusesMoreThanTwoSecrets() {
        assertThatIllegalArgumentException().isThrownBy(() -> SigningSecrets.configured("tidings.zendesk.webhook-secret", "a,b,c"))
                .withMessageStartingWith("tidings.zendesk.webhook-secret holds at most 2");
        assertThatIllegalArgumentException().isThrownBy(() -> SigningSecrets.configured("key", "a,"));
    }

    @Test
    void refusesEverythingWithoutASecret() {
        assertThatThrownBy(() -> new ZendeskSignature(SigningSecrets.configured("key", ""), clock).verify(headers(OPENSSL_SIGNATURE, TIMESTAMP), BODY))
                .isInstanceOf(UnverifiedDeliveryException.class).hasMessageContaining("no Zendesk signing secret");
    }

    @ParameterizedTest(name = "{0} s away from the signature")
    @ValueSource(ints = {-300, 300})
    void acceptsTimestampsExactlyFiveMinutesAway(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));

        assertThatCode(() -> signature(SECRET).verify(headers(OPENSSL_SIGNATURE, TIMESTAMP), BODY)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} s away from the signature")
    @ValueSource(ints = {-301, 301, 86_400})
    void refusesStaleOrFutureTimestamps(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));

        assertThatThrownBy(() -> signature(SECRET).verify(headers(OPENSSL_SIGNATURE, TIMESTAMP), BODY))
                .isInstanceOf(UnverifiedDeliveryException.class).hasMessageContaining("minutes away");
    }

    @Test
    void refusesMissingOrUnreadableHeaders() {
        ZendeskSignature signature = signature(SECRET);

        assertThatThrownBy(() -> signature.verify(headers(null, TIMESTAMP), BODY))
                .isInstanceOf(UnverifiedDeliveryException.class).hasMessageContaining(ZendeskSignature.SIGNATURE_HEADER);
        assertThatThrownBy(() -> signature.verify(headers(OPENSSL_SIGNATURE, null), BODY))
                .isInstanceOf(UnverifiedDeliveryException.class).hasMessageContaining(ZendeskSignature.TIMESTAMP_HEADER);
        assertThatThrownBy(() -> signature.verify(headers(OPENSSL_SIGNATURE, "1763806530"), BODY))
                .isInstanceOf(UnverifiedDeliveryException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> signature.verify(headers("not base64!", TIMESTAMP), BODY))
                .isInstanceOf(UnverifiedDeliveryException.class).hasMessageContaining("base64");
    }

    @Test
    void errorsNeverNameTheSecret() {
        assertThatThrownBy(() -> signature(SECRET).verify(headers("AAAA", TIMESTAMP), BODY))
                .isInstanceOf(UnverifiedDeliveryException.class).message().doesNotContain(SECRET);
    }

    private static boolean verifies(ZendeskSignature signature, byte[] body) {
        try {
            signature.verify(headers(OPENSSL_SIGNATURE, TIMESTAMP), body);
            return true;
        } catch (UnverifiedDeliveryException e) {
            return false;
        }
    }

    private ZendeskSignature signature(String secret) {
        return new ZendeskSignature(SigningSecrets.of(secret), clock);
    }

    private static DeliveryHeaders headers(String signature, String timestamp) {
        Map<String, String> values = new java.util.HashMap<>();
        if (signature != null) {
            values.put(ZendeskSignature.SIGNATURE_HEADER.toLowerCase(), signature);
        }
        if (timestamp != null) {
            values.put(ZendeskSignature.TIMESTAMP_HEADER.toLowerCase(), timestamp);
        }
        return name -> values.get(name.toLowerCase());
    }
}
