package io.tidings.app.providers;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void secondsAndHttpDatesAreRead() {
        assertThat(RetryAfter.of(Optional.of("120"), NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.of(Optional.of("Sun, 22 Nov 2026 09:01:30 GMT"), NOW)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void absentPastOrUnreadableMeansNoWait() {
        assertThat(RetryAfter.of(Optional.empty(), NOW)).isZero();
        assertThat(RetryAfter.of(Optional.of("Sun, 22 Nov 2026 08:00:00 GMT"), NOW)).isZero();
        assertThat(RetryAfter.of(Optional.of("soon"), NOW)).isZero();
        assertThat(RetryAfter.of(Optional.of("-5"), NOW)).isZero();
    }
}
