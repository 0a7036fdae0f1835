package io.tidings.preference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * Per zone, the last span between two offset transitions that was looked up. Most decisions fall
     * into the span already known for their zone, which spares the zone-rule lookups; a cache of
     * facts about the zone, so results are the same with or without it.
     */
    private static final ConcurrentHashMap<ZoneId, OffsetSpan> SPANS = new ConcurrentHashMap<>();

    /** The zone keeps {@code offset} from {@code fromSecond} (inclusive) to {@code toSecond} (exclusive). */
    private record OffsetSpan(long fromSecond, long toSecond, ZoneOffset offset) {

        static OffsetSpan around(Instant instant, ZoneRules rules) {
            ZoneOffsetTransition previous = rules.previousTransition(instant.plusNanos(1));
            ZoneOffsetTransition next = rules.nextTransition(instant);
            return new OffsetSpan(previous == null ? Long.MIN_VALUE : previous.toEpochSecond(),
                    next == null ? Long.MAX_VALUE : next.toEpochSecond(), rules.getOffset(instant));
        }

        boolean contains(long second) {
            return second >= fromSecond && second < toSecond;
        }
    }

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
        Objects.requireNonNull(zone, "zone must not be null");
        long second = instant.getEpochSecond();
        OffsetSpan span = SPANS.get(zone);
        if (span == null || !span.contains(second)) {
            span = OffsetSpan.around(instant, zone.getRules());
            SPANS.put(zone, span);
        }
        ZoneOffset offset = span.offset();
        long localSeconds = second + offset.getTotalSeconds();
        boolean steady = span.contains(second - STEADY_MARGIN_SECONDS) && span.contains(second + STEADY_MARGIN_SECONDS);
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
