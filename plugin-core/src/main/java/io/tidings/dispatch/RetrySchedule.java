package io.tidings.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed send is tried again: exponential backoff from {@code firstDelay}, doubling per
 * attempt up to {@code maxDelay}, for at most {@code maxAttempts} attempts in all.
 */
public record RetrySchedule(Duration firstDelay, Duration maxDelay, int maxAttempts) {

    public RetrySchedule {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("a retry schedule needs 0 < firstDelay <= maxDelay and maxAttempts >= 1");
        }
    }

    /** The time of the next attempt after attempt number {@code attempt} failed at {@code failedAt}; empty when spent. */
    public Optional<Instant> nextAttempt(int attempt, Instant failedAt) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = maxDelay;
        int doublings = attempt - 1;
        if (doublings < Long.numberOfLeadingZeros(firstDelay.toMillis()) - 1) {
            Duration doubled = firstDelay.multipliedBy(1L << doublings);
            delay = doubled.compareTo(maxDelay) < 0 ? doubled : maxDelay;
        }
        return Optional.of(failedAt.plus(delay));
    }
}
