package io.tidings.preference;

import java.time.Duration;
import java.util.Objects;

/**
 * Messages of a category about the same thing (same event kind and collapse key) that follow an
 * earlier one within {@code window} are merged into it instead of being sent again.
 */
public record CollapseWindow(Category category, Duration window) {

    public CollapseWindow {
        Objects.requireNonNull(category, "category must not be null");
        Objects.requireNonNull(window, "window must not be null");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
    }
}
