package io.tidings.dispatch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private static final Instant FAILED_AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 80);

    @ParameterizedTest
    @CsvSource({"1, 30", "2, 60", "3, 120", "7, 1920", "8, 3600", "70, 3600", "79, 3600"})
    void delaysDoubleUpToTheCap(int attempt, long seconds) {
        assertThat(SCHEDULE.nextAttempt(attempt, FAILED_AT)).contains(FAILED_AT.plusSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource({"80", "81"})
    void theLastAttemptHasNoNext(int attempt) {
        assertThat(SCHEDULE.nextAttempt(attempt, FAILED_AT)).isEmpty();
    }
}
