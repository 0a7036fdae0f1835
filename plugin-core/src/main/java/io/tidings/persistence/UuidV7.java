package io.tidings.persistence;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** RFC 9562 version 7 UUIDs: time-ordered, so ids sort by creation and index well. */
public final class UuidV7 {

    private static final SecureRandom RANDOM = new SecureRandom();

    private UuidV7() {
    }

    public static UUID next(Clock clock) {
        long millis = clock.millis();
        long randA = RANDOM.nextLong() & 0xFFFL;
        long mostSignificant = (millis << 16) | 0x7000L | randA;
        long leastSignificant = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }

    /** The lowest version 7 id of that millisecond: every id made then or later sorts at or above it. */
    public static UUID floor(Instant at) {
        return new UUID((at.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L);
    }
}
