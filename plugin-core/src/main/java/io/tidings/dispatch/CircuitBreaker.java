package io.tidings.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stops calling a provider that keeps failing: after {@code threshold} retryable failures in a
 * row it opens for {@code openFor}; then calls go through again, and the next failure reopens it
 * at once until a success closes it.
 */
final class CircuitBreaker {

    private final int threshold;
    private final Duration openFor;
    private int failuresInARow;
    private Instant openUntil = Instant.MIN;

    CircuitBreaker(int threshold, Duration openFor) {
        this.threshold = threshold;
        this.openFor = openFor;
    }

    /** Empty when the provider may be called now; else when it may be called again. */
    synchronized Optional<Instant> openUntil(Instant now) {
        return now.isBefore(openUntil) ? Optional.of(openUntil) : Optional.empty();
    }

    /** The provider answered (accepted or refused the message for good): it is healthy. */
    synchronized void succeeded() {
        failuresInARow = 0;
    }

    synchronized void failed(Instant now) {
        failuresInARow++;
        if (failuresInARow >= threshold) {
            openUntil = now.plus(openFor);
        }
    }
}
