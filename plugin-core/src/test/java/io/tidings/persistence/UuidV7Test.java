package io.tidings.persistence;

import io.tidings.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UuidV7Test {

    @Test
    void carriesVersionVariantAndTheMillisecond() {
        Instant at = Instant.parse("2026-11-22T08:00:00.123Z");

        UUID id = UuidV7.next(new MutableClock(at));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void laterIdsSortAfterEarlierOnes() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
        UUID earlier = UuidV7.next(clock);
        clock.advance(Duration.ofMillis(1));

        UUID later = UuidV7.next(clock);

        assertThat(later.toString()).isGreaterThan(earlier.toString());
    }

    @Test
    void theFloorOfAMillisecondSortsBetweenItsIdsAndTheMillisecondBefore() {
        Instant at = Instant.parse("2026-11-22T08:00:00.123Z");
        UUID before = UuidV7.next(new MutableClock(at.minusMillis(1)));
        UUID during = UuidV7.next(new MutableClock(at));

        UUID floor = UuidV7.floor(at);

        assertThat(floor.toString()).isGreaterThan(before.toString()).isLessThanOrEqualTo(during.toString());
        assertThat(floor.version()).isEqualTo(7);
    }
}
