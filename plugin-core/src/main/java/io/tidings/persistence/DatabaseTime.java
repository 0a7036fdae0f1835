package io.tidings.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as the database keeps them: to the microsecond, so what is read back equals what was written. */
public final class DatabaseTime {

    private DatabaseTime() {
    }

    /** The clock's instant, to the microsecond. */
    public static Instant now(Clock clock) {
        return stored(clock.instant());
    }

    /** The instant to the microsecond, or null for null. */
    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
