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
 * time rules share it. It knows the span of time in which its zone keeps the current offset, so
 * the later instants a deferral moves to are placed on the wall clock without consulting the zone
 * rules again.
 */
public final class RecipientTime {

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

    private final Instant instant;
    private final ZoneId zone;
    private final OffsetSpan span;
    private final int secondOfDay;
    private final long epochDay;
    private final boolean offsetSteady;

    private RecipientTime(Instant instant, ZoneId zone, OffsetSpan span) {
        this.instant = instant;
        this.zone = zone;
        this.span = span;
        long localSeconds = instant.getEpochSecond() + span.offset().getTotalSeconds();
        this.secondOfDay = Math.floorMod(localSeconds, SECONDS_PER_DAY);
        this.epochDay = Math.floorDiv(localSeconds, SECONDS_PER_DAY);
        long second = instant.getEpochSecond();
        this.offsetSteady = span.contains(second - STEADY_MARGIN_SECONDS) && span.contains(second + STEADY_MARGIN_SECONDS);
    }

    /** The instant as seen from the zone. */
    public static RecipientTime of(Instant instant, ZoneId zone) {
        Objects.requireNonNull(instant, "instant must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
        OffsetSpan span = SPANS.get(zone);
        if (span == null || !span.contains(instant.getEpochSecond())) {
            span = OffsetSpan.around(instant, zone.getRules());
            SPANS.put(zone, span);
        }
        return new RecipientTime(instant, zone, span);
    }

    /** Another instant as seen from the same zone; cheap while the zone keeps its offset. */
    public RecipientTime at(Instant other) {
        Objects.requireNonNull(other, "instant must not be null");
        return span.contains(other.getEpochSecond()) ? new RecipientTime(other, zone, span) : of(other, zone);
    }

    public Instant instant() {
        return instant;
    }

    /** The recipient's time zone. */
    public ZoneId zone() {
        return zone;
    }

    /** The zone's offset at the instant. */
    public ZoneOffset offset() {
        return span.offset();
    }

    /** The wall-clock second of the day (0..86399). */
    public int secondOfDay() {
        return secondOfDay;
    }

    /** The wall-clock date as an epoch day. */
    public long epochDay() {
        return epochDay;
    }

    /**
     * True when the zone keeps this offset for 26 hours either side, so wall-clock arithmetic with
     * a fixed offset is exact (no DST transition near).
     */
    public boolean offsetSteady() {
        return offsetSteady;
    }

    /** The wall-clock time of day, truncated to the second. */
    public LocalTime localTime() {
        return LocalTime.ofSecondOfDay(secondOfDay);
    }

    /** The wall-clock date. */
    public LocalDate localDate() {
        return LocalDate.ofEpochDay(epochDay);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecipientTime that && instant.equals(that.instant) && zone.equals(that.zone);
    }

    @Override
    public int hashCode() {
        return 31 * instant.hashCode() + zone.hashCode();
    }

    @Override
    public String toString() {
        return localDate() + "T" + localTime() + span.offset() + "[" + zone + "]";
    }
}
