package io.tidings.preference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class QuietHoursTest {

    private static final QuietHours NIGHT = QuietHours.of("22:00", "07:00");
    private static final QuietHours LUNCH = QuietHours.of("12:00", "13:30");

    static Stream<Arguments> zonesOnBothSidesOfUtc() {
        return Stream.of(
                // zone, window, instant (UTC), expected end (null = not quiet)
                arguments("America/Los_Angeles", NIGHT, "2026-06-10T06:30:00Z", "2026-06-10T14:00:00Z"), // 23:30 PDT
                arguments("America/Los_Angeles", NIGHT, "2026-06-10T13:59:59Z", "2026-06-10T14:00:00Z"), // 06:59:59
                arguments("America/Los_Angeles", NIGHT, "2026-06-10T14:00:00Z", null),                   // 07:00 exactly
                arguments("America/Los_Angeles", NIGHT, "2026-06-10T04:59:59Z", null),                   // 21:59:59
                arguments("America/Los_Angeles", NIGHT, "2026-06-10T05:00:00Z", "2026-06-10T14:00:00Z"), // 22:00 exactly
                arguments("Asia/Kolkata", NIGHT, "2026-06-10T17:00:00Z", "2026-06-11T01:30:00Z"),        // 22:30 IST
                arguments("Asia/Kolkata", NIGHT, "2026-06-10T20:00:00Z", "2026-06-11T01:30:00Z"),        // 01:30 next day
                arguments("Asia/Kolkata", NIGHT, "2026-06-10T06:30:00Z", null),                          // 12:00 IST
                arguments("Pacific/Auckland", NIGHT, "2026-06-10T11:00:00Z", "2026-06-10T19:00:00Z"),    // 23:00 NZST
                arguments("Pacific/Auckland", NIGHT, "2026-01-10T09:00:00Z", "2026-01-10T18:00:00Z"),    // 22:00 NZDT
                arguments("Pacific/Auckland", NIGHT, "2026-01-10T07:00:00Z", null),                      // 20:00 NZDT
                arguments("UTC", LUNCH, "2026-06-10T12:45:00Z", "2026-06-10T13:30:00Z"),
                arguments("UTC", LUNCH, "2026-06-10T13:30:00Z", null),
                arguments("Asia/Kolkata", LUNCH, "2026-06-10T06:45:00Z", "2026-06-10T08:00:00Z"),        // 12:15 IST
                arguments("America/Los_Angeles", LUNCH, "2026-06-10T06:45:00Z", null));                  // 23:45 PDT
    }

    @ParameterizedTest(name = "{0} {1} at {2} → quiet until {3}")
    @MethodSource("zonesOnBothSidesOfUtc")
    void quietUntilInZonesOnBothSidesOfUtc(String zone, QuietHours hours, String at, String expectedEnd) {
        Instant instant = Instant.parse(at);
        Instant end = hours.quietUntil(RecipientTime.of(instant, ZoneId.of(zone)));

        assertThat(end).isEqualTo(expectedEnd == null ? null : Instant.parse(expectedEnd));
        assertThat(hours.isQuiet(instant, ZoneId.of(zone))).isEqualTo(expectedEnd != null);
    }

    static Stream<Arguments> daylightSavingTransitions() {
        return Stream.of(
                // New York springs forward 2026-03-08 02:00 EST → 03:00 EDT (07:00Z).
                // Window ending inside the gap ends when the clock jumps past it.
                arguments("America/New_York", QuietHours.of("22:00", "02:30"), "2026-03-08T06:59:59Z", "2026-03-08T07:00:00Z"),
                arguments("America/New_York", QuietHours.of("22:00", "02:30"), "2026-03-08T07:00:00Z", null),
                // Window starting inside the gap starts when the clock jumps past it.
                arguments("America/New_York", QuietHours.of("02:30", "06:00"), "2026-03-08T06:59:59Z", null),
                arguments("America/New_York", QuietHours.of("02:30", "06:00"), "2026-03-08T07:00:00Z", "2026-03-08T10:00:00Z"),
                // Ordinary night across the spring-forward: 22:00 EST to 07:00 EDT is one hour shorter.
                arguments("America/New_York", NIGHT, "2026-03-08T04:00:00Z", "2026-03-08T11:00:00Z"),
                // New York falls back 2026-11-01 02:00 EDT → 01:00 EST (06:00Z); 01:00–02:00 happens twice.
                // Window ending at 01:30 ends at its first occurrence (EDT) ...
                arguments("America/New_York", QuietHours.of("22:00", "01:30"), "2026-11-01T05:00:00Z", "2026-11-01T05:30:00Z"),
                // ... and the repeated hour does not re-open it.
                arguments("America/New_York", QuietHours.of("22:00", "01:30"), "2026-11-01T06:10:00Z", null),
                // Window starting at 01:30 starts at its first occurrence and stays quiet through the repeat.
                arguments("America/New_York", QuietHours.of("01:30", "05:00"), "2026-11-01T05:30:00Z", "2026-11-01T10:00:00Z"),
                arguments("America/New_York", QuietHours.of("01:30", "05:00"), "2026-11-01T06:10:00Z", "2026-11-01T10:00:00Z"),
                // Ordinary night across the fall-back: 22:00 EDT to 07:00 EST is one hour longer.
                arguments("America/New_York", NIGHT, "2026-11-01T03:00:00Z", "2026-11-01T12:00:00Z"),
                // Berlin springs forward 2026-03-29 02:00 CET → 03:00 CEST (01:00Z).
                arguments("Europe/Berlin", QuietHours.of("23:00", "02:15"), "2026-03-29T00:59:00Z", "2026-03-29T01:00:00Z"),
                arguments("Europe/Berlin", NIGHT, "2026-03-29T01:30:00Z", "2026-03-29T05:00:00Z"),
                // Berlin falls back 2026-10-25 03:00 CEST → 02:00 CET (01:00Z).
                arguments("Europe/Berlin", QuietHours.of("22:00", "02:30"), "2026-10-25T00:10:00Z", "2026-10-25T00:30:00Z"),
                arguments("Europe/Berlin", QuietHours.of("22:00", "02:30"), "2026-10-25T01:10:00Z", null),
                arguments("Europe/Berlin", NIGHT, "2026-10-25T01:30:00Z", "2026-10-25T06:00:00Z"));
    }

    @ParameterizedTest(name = "{0} {1} at {2} → quiet until {3}")
    @MethodSource("daylightSavingTransitions")
    void daylightSavingGapsAndOverlaps(String zone, QuietHours hours, String at, String expectedEnd) {
        Instant end = hours.quietUntil(RecipientTime.of(Instant.parse(at), ZoneId.of(zone)));

        assertThat(end).isEqualTo(expectedEnd == null ? null : Instant.parse(expectedEnd));
    }

    @Test
    void recipientTimeKnowsWhenNoTransitionIsNear() {
        ZoneId newYork = ZoneId.of("America/New_York");

        assertThat(RecipientTime.of(Instant.parse("2026-06-10T12:00:00Z"), newYork).offsetSteady()).isTrue();
        assertThat(RecipientTime.of(Instant.parse("2026-03-08T12:00:00Z"), newYork).offsetSteady()).isFalse();
        assertThat(RecipientTime.of(Instant.parse("2026-03-08T12:00:00Z"), ZoneId.of("Asia/Kolkata")).offsetSteady())
                .isTrue();
    }

    @Test
    void aLaterInstantPlacedFromARecipientTimeReadsTheWallClockAcrossATransition() {
        ZoneId newYork = ZoneId.of("America/New_York");
        RecipientTime saturdayNight = RecipientTime.of(Instant.parse("2026-03-08T02:30:00Z"), newYork);

        RecipientTime sameSpan = saturdayNight.at(Instant.parse("2026-03-08T05:00:00Z"));
        RecipientTime afterSpringForward = saturdayNight.at(Instant.parse("2026-03-08T12:00:00Z"));

        assertThat(sameSpan.localTime()).isEqualTo(LocalTime.of(0, 0));
        assertThat(afterSpringForward.localTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(afterSpringForward.offset()).isEqualTo(ZoneOffset.ofHours(-4));
        assertThat(afterSpringForward).isEqualTo(RecipientTime.of(Instant.parse("2026-03-08T12:00:00Z"), newYork));
    }

    @Test
    void crossingMidnightIsDetected() {
        assertThat(NIGHT.crossesMidnight()).isTrue();
        assertThat(LUNCH.crossesMidnight()).isFalse();
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThatThrownBy(() -> QuietHours.of("22:00", "22:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct");
    }
}
