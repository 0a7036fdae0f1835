package io.tidings.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Spaces one provider's sends to at most {@code perSecond} a second on this replica. */
final class SendPacing {

    private final Duration interval;
    private Instant nextSlot = Instant.MIN;

    SendPacing(double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("a send rate must be positive");
        }
        this.interval = Duration.ofNanos(Math.round(1_000_000_000d / perSecond));
    }

    /** Takes the slot and answers empty when a send may go now; else answers when the next slot opens. */
    synchronized Optional<Instant> reserve(Instant now) {
        if (now.isBefore(nextSlot)) {
            return Optional.of(nextSlot);
        }
        nextSlot = now.plus(interval);
        return Optional.empty();
    }
}
