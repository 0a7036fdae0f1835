package io.tidings.preference;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code max} messages of a category within any rolling {@code period}.
 * A message sent exactly {@code period} ago no longer counts.
 */
public record FrequencyCap(Category category, int max, Duration period) {

    public FrequencyCap {
        Objects.requireNonNull(category, "category must not be null");
        Objects.requireNonNull(period, "period must not be null");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
    }
}
