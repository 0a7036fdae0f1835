package io.tidings.preference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * A daily wall-clock window, in the recipient's zone, during which a channel stays silent; it may
 * cross midnight (22:00–07:00).
 *
 * <p>Each night's quiet period runs from the first instant the wall clock reads {@code start} to the
 * first instant it reads {@code end}. So a boundary that falls into a spring-forward gap takes effect
 * when the clock jumps past it, and a boundary inside a fall-back overlap takes effect at its first
 * occurrence: the repeated hour does not re-open a period that has already ended.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    private static final int SECONDS_PER_DAY = 86_400;

    public QuietHours {
        Objects.requireNonNull(start, "start must not be null");
        Objects.requireNonNull(end, "end must not be null");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours need distinct start and end, both were " + start);
        }
    }

    /** A window from {@code start} to {@code end}, given as "HH:mm". */
    public static QuietHours of(String start, String end) {
        return new QuietHours(LocalTime.parse(start), LocalTime.parse(end));
    }

    /** Whether the window wraps past midnight. */
    public boolean crossesMidnight() {
        return start.isAfter(end);
    }

    /** Whether the instant is inside a quiet period in the zone. */
    public boolean isQuiet(Instant instant, ZoneId zone) {
        return quietUntil(RecipientTime.of(instant, zone)) != null;
    }

    /**
     * The instant the current quiet period ends, or null when the time is not quiet.
     */
    public Instant quietUntil(RecipientTime time) {
        return time.offsetSteady() ? steadyQuietUntil(time) : transitionAwareQuietUntil(time);
    }

    private Instant steadyQuietUntil(RecipientTime time) {
        int from = start.toSecondOfDay();
        int to = end.toSecondOfDay();
        int now = time.secondOfDay();
        boolean quiet = from < to ? now >= from && now < to : now >= from || now < to;
        if (!quiet) {
            return null;
        }
        return Instant.ofEpochSecond(time.instant().getEpochSecond() + Math.floorMod(to - now, SECONDS_PER_DAY));
    }

    private Instant transitionAwareQuietUntil(RecipientTime time) {
        ZoneRules rules = time.zone().getRules();
        LocalDate today = time.localDate();
        if (!crossesMidnight()) {
            return untilIfInside(time.instant(), rules, today, today);
        }
        Instant sinceYesterday = untilIfInside(time.instant(), rules, today.minusDays(1), today);
        return sinceYesterday != null ? sinceYesterday : untilIfInside(time.instant(), rules, today, today.plusDays(1));
    }

    private Instant untilIfInside(Instant instant, ZoneRules rules, LocalDate startDate, LocalDate endDate) {
        Instant from = firstInstantShowing(rules, LocalDateTime.of(startDate, start));
        Instant to = firstInstantShowing(rules, LocalDateTime.of(endDate, end));
        return !instant.isBefore(from) && instant.isBefore(to) ? to : null;
    }

    /** The first instant at which the wall clock reads {@code local} or, if it skips it, jumps past it. */
    private static Instant firstInstantShowing(ZoneRules rules, LocalDateTime local) {
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition == null) {
            return local.toInstant(rules.getOffset(local));
        }
        return transition.isGap() ? transition.getInstant() : local.toInstant(transition.getOffsetBefore());
    }

    @Override
    public String toString() {
        return start + "–" + end;
    }
}
