package io.tidings.webhooks.outbound;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a webhook message is tried: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after
 * each failure. After the eighth failed attempt the message is dead.
 */
public final class RetrySchedule {

    static final List<Duration> DELAYS = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    public static final int MAX_ATTEMPTS = DELAYS.size();

    private RetrySchedule() {
    }

    /** How long after failed attempt {@code attempt} (1-based) to try again; empty when it was the last. */
    public static Optional<Duration> delayAfter(int attempt) {
        return attempt < 1 || attempt >= MAX_ATTEMPTS ? Optional.empty() : Optional.of(DELAYS.get(attempt));
    }
}
