package io.tidings.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret half of an API key. Generated secrets carry 256 random bits, so a plain SHA-256 is
 * enough to store them: there is nothing to brute-force that a slow hash would protect.
 */
public record ApiKeySecret(String value) {

    private static final String GENERATED_PREFIX = "tdk_";
    private static final int SHOWN_PREFIX_LENGTH = 10;
    /** Configured keys (the bootstrap admin key) must at least be hard to guess. */
    public static final int MINIMUM_LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ApiKeySecret {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API key secret is not blank");
        }
    }

    public static ApiKeySecret generate() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return new ApiKeySecret(GENERATED_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /** Lowercase hex SHA-256 of the secret: what the database holds and looks keys up by. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public String shownPrefix() {
        return value.substring(0, Math.min(SHOWN_PREFIX_LENGTH, value.length() / 3));
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + shownPrefix() + "…]";
    }
}
