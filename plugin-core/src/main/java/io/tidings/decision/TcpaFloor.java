package io.tidings.decision;

import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.preference.QuietHours;

/**
 * The TCPA calling-hours floor: promotional SMS and voice only between 08:00 and 21:00 recipient
 * local time. Deliberately a constant outside all configuration, so nothing can loosen it.
 */
final class TcpaFloor {

    /** The hours in which promotional SMS and calls are forbidden. */
    static final QuietHours FORBIDDEN_HOURS = QuietHours.of("21:00", "08:00");

    private TcpaFloor() {
    }

    /** Whether the floor governs messages of the category on the channel. */
    static boolean governs(Category category, Channel channel) {
        return category == Category.PROMOTIONAL && (channel == Channel.SMS || channel == Channel.VOICE);
    }
}
