package io.tidings.webhooks.intake;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the ISO-8601 date-times with an offset that senders stamp their deliveries with, as
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does. The form every sender uses in practice,
 * {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of up to nine digits, then {@code Z} or
 * {@code ±HH:MM}, is read directly: the formatter takes about as long as verifying the signature,
 * and a Zendesk delivery carries two such times. Anything else, valid or not, goes to the
 * formatter, so what is accepted, and the instant it means, is exactly what the formatter says.
 */
final class OffsetInstants {

    private static final int SHORTEST = "yyyy-MM-ddTHH:mm:ssZ".length();
    private static final int SECONDS_PER_DAY = 86_400;

    private OffsetInstants() {
    }

    /** The instant the text names; throws {@link DateTimeParseException} as the formatter does. */
    static Instant parse(String text) {
        Instant common = parseCommonForm(text);
        return common != null ? common : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, OffsetDateTime::from).toInstant();
    }

    /** The instant, when the text is in the common form and names a valid date-time; otherwise null. */
    private static Instant parseCommonForm(String text) {
        int length = text.length();
        if (length < SHORTEST || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int fractionEnd = at + 1;
            while (fractionEnd < length && isDigit(text.charAt(fractionEnd))) {
                fractionEnd++;
            }
            int fractionDigits = fractionEnd - at - 1;
            if (fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(text, at + 1, fractionDigits);
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
            at = fractionEnd;
        }
        Integer offsetSeconds = offsetSeconds(text, at);
        if (offsetSeconds == null) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        long epochSecond = epochDay * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The offset from {@code at} to the end of the text, {@code Z} or {@code ±HH:MM}, in seconds; otherwise null. */
    private static Integer offsetSeconds(String text, int at) {
        int rest = text.length() - at;
        if (rest == 0) {
            return null;
        }
        if (rest == 1 && text.charAt(at) == 'Z') {
            return 0;
        }
        char sign = text.charAt(at);
        if (rest != 6 || (sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
            return null;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The number the {@code count} decimal digits from {@code from} spell, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
