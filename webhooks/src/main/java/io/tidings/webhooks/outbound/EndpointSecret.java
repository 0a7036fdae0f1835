package io.tidings.webhooks.outbound;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** An endpoint's Standard Webhooks signing secret: {@code whsec_} and 32 random bytes in base64. Never printed. */
public record EndpointSecret(String value) {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public EndpointSecret {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a signing secret starts with " + PREFIX);
        }
    }

    public static EndpointSecret generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new EndpointSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    @Override
    public String toString() {
        return "EndpointSecret[" + PREFIX + "…]";
    }
}
