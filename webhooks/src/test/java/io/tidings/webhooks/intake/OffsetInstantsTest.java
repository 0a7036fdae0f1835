package io.tidings.webhooks.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class OffsetInstantsTest {

    private static final String DIGITS_AND_SIGNS = "0123456789-+:.TZtz ";

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:15:30Z", "2026-11-22T10:15:30.123Z", "2026-11-22T10:15:30.123456789Z",
            "2026-11-22T10:15:30+05:30", "2026-11-22T10:15:30.5-08:00", "2024-02-29T23:59:59Z", "0000-01-01T00:00:00Z",
            "2026-11-22t10:15:30z", "2026-11-22T10:15Z", "2026-11-22T10:15:30+18:00", "2026-11-22T10:15:30.Z"})
    void readsWhatTheFormatterReads(String text) {
        assertThat(OffsetInstants.parse(text)).isEqualTo(formatter(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-11-22T10:15:30", "2026-02-29T10:15:30Z", "2026-11-22T24:00:00Z",
            "2026-11-22T10:60:00Z", "2026-11-22T10:15:60Z", "2026-13-01T10:15:30Z", "2026-11-22T10:15:30+0530",
            "2026-11-22T10:15:30.1234567890Z", "2026-11-22T10:15:30+19:00", "2026-11-22 10:15:30Z",
            "2026-11-22T10:15:30ZZ", "2026-11-22T10:15:30+05:3"})
    void refusesWhatTheFormatterRefuses(String text) {
        assertThatThrownBy(() -> formatter(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> OffsetInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void agreesWithTheFormatterOnRandomTimesAndTheirMutations() {
        Random random = new Random(20261206);
        for (int i = 0; i < 20_000; i++) {
            String text = randomTime(random);
            assertThat(OffsetInstants.parse(text)).as(text).isEqualTo(formatter(text));
            String mutated = mutate(text, random);
            Throwable formatterRefusal = catchThrowable(() -> formatter(mutated));
            if (formatterRefusal == null) {
                assertThat(OffsetInstants.parse(mutated)).as(mutated).isEqualTo(formatter(mutated));
            } else {
                assertThatThrownBy(() -> OffsetInstants.parse(mutated)).as(mutated).isInstanceOf(DateTimeParseException.class);
            }
        }
    }

    private static String randomTime(Random random) {
        Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000));
        ZoneOffset offset = random.nextBoolean() ? ZoneOffset.UTC
                : ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
        String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset));
        int fraction = text.indexOf('.');
        if (fraction > 0 && random.nextInt(3) == 0) {
            int end = text.length() - (offset.equals(ZoneOffset.UTC) ? 1 : 6);
            text = text.substring(0, fraction + 1 + random.nextInt(end - fraction - 1) + 1) + text.substring(end);
        }
        return text;
    }

    /** One character replaced, removed or inserted. */
    private static String mutate(String text, Random random) {
        int at = random.nextInt(text.length());
        char c = DIGITS_AND_SIGNS.charAt(random.nextInt(DIGITS_AND_SIGNS.length()));
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at) + c + text.substring(at + 1);
            case 1 -> text.substring(0, at) + text.substring(at + 1);
            default -> text.substring(0, at) + c + text.substring(at);
        };
    }

    private static Instant formatter(String text) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, OffsetDateTime::from).toInstant();
    }
}
