package io.tidings.preference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * An instant as the recipient's wall clock shows it, computed once per decision so every channel's
 * time rules share it.
 *
 * @param instant       the instant
 * @param zone          the recipient's time zone
 * @param offset        the zone's offset at the instant
 * @param secondOfDay   the wall-clock second of the day (0..86399)
 * @param epochDay      the wall-clock date as an epoch day
 * @param offsetSteady  true when the zone keeps this offset for 26 hours either side, so wall-clock
 *                      arithmetic with a fixed offset is exact (no DST transition near)
 */
public record RecipientTime(Instant instant, ZoneId zone, ZoneOffset offset, int secondOfDay, long epochDay,
                            boolean offsetSteady) {

    private static final int SECONDS_PER_DAY = 86_400;
    /** Longer than any quiet window can reach from an instant inside it, with margin for offsets. */
    private static final long STEADY_MARGIN_SECONDS = 26L * 3_600;

    public RecipientTime {
        Objects.requireNonNull(instant, "instant must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
        Objects.requireNonNull(offset, "offset must not be null");
        if (secondOfDay < 0 || secondOfDay >= SECONDS_PER_DAY) {
            throw new IllegalArgumentException("secondOfDay must be in 0..86399, was " + secondOfDay);
        }
    }

    /** The instant as seen from the zone. */
    public static RecipientTime of(Instant instant, ZoneId zone) {
        Objects.requireNonNull(instant, "instant must not be null");
        ZoneRules rules = Objects.requireNonNull(zone, "zone must not be null").getRules();
        ZoneOffset offset = rules.getOffset(instant);
        long localSeconds = instant.getEpochSecond() + offset.getTotalSeconds();
        boolean steady = rules.isFixedOffset()
                || (offset.equals(rules.getOffset(instant.minusSeconds(STEADY_MARGIN_SECONDS)))
                && offset.equals(rules.getOffset(instant.plusSeconds(STEADY_MARGIN_SECONDS))));
        return new RecipientTime(instant, zone, offset, (int) Math.floorMod(localSeconds, SECONDS_PER_DAY),
                Math.floorDiv(localSeconds, SECONDS_PER_DAY), steady);
    }

    /** The wall-clock time of day, truncated to the second. */
    public LocalTime localTime() {
        return LocalTime.ofSecondOfDay(secondOfDay);
    }

    /** The wall-clock date. */
    public LocalDate localDate() {
        return LocalDate.ofEpochDay(epochDay);
    }
}
