package io.tidings.app.providers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** An HTTP {@code Retry-After} header (RFC 9110 §10.2.3): delay seconds or an HTTP date. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** How long the server asked to wait from {@code now}; zero when it asked nothing readable or a time past. */
    public static Duration of(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return Duration.ZERO;
        }
        String value = header.get().strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException notADate) {
                return Duration.ZERO;
            }
        }
    }
}
