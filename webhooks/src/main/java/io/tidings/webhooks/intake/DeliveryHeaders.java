package io.tidings.webhooks.intake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** The HTTP headers of a delivery, looked up by case-insensitive name; null when absent. */
@FunctionalInterface
public interface DeliveryHeaders {

    String first(String name);

    /** The header's value, stripped; refuses the delivery when it is missing or blank. */
    default String required(String name) {
        String value = first(name);
        if (value == null || value.isBlank()) {
            throw new UnverifiedDeliveryException("The delivery has no " + name + " header.");
        }
        return value.strip();
    }

    /** The header's base64 value decoded; refuses the delivery when it is missing or not base64. */
    default byte[] requiredBase64(String name) {
        try {
            return Base64.getDecoder().decode(required(name));
        } catch (IllegalArgumentException e) {
            throw new UnverifiedDeliveryException("The " + name + " is not base64.");
        }
    }

    /** The bytes senders that sign "timestamp + raw body" sign (Zendesk, SendGrid). */
    static byte[] timestampThenBody(String timestamp, byte[] body) {
        byte[] prefix = timestamp.getBytes(StandardCharsets.UTF_8);
        byte[] signed = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return signed;
    }
}
