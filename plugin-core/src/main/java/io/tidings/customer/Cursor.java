package io.tidings.customer;

import io.tidings.error.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** The opaque page cursor clients pass back: the last id of the previous page, base64url-encoded. */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(UUID lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.toString().getBytes(StandardCharsets.US_ASCII));
    }

    public static UUID decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "not a cursor this API returned; start again without one");
        }
    }
}
