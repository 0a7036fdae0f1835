package io.tidings.preference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A customer's full communication preferences: on/off per category and channel (the category
 * default applies where the customer chose nothing), quiet hours per channel, frequency caps and
 * collapse windows per category, and the preferred language. Immutable; lookups are array and
 * bit-mask reads because the decision engine consults them for every message.
 */
public final class PreferenceSet {

    private final long chosen;
    private final long on;
    private final QuietHours[] quietHours;
    private final FrequencyCap[] caps;
    private final CollapseWindow[] collapseWindows;
    private final Locale language;

    private PreferenceSet(Builder builder) {
        this.chosen = builder.chosen;
        this.on = builder.on;
        this.quietHours = builder.quietHours.clone();
        this.caps = builder.caps.clone();
        this.collapseWindows = builder.collapseWindows.clone();
        this.language = builder.language;
    }

    /** A builder starting from "nothing chosen, no quiet hours, no caps, English". */
    public static Builder builder() {
        return new Builder();
    }

    /** Preferences of a customer who has chosen nothing. */
    public static PreferenceSet none() {
        return builder().build();
    }

    private static long bit(Category category, Channel channel) {
        return 1L << (category.ordinal() * Channel.COUNT + channel.ordinal());
    }

    /** Whether the customer explicitly chose on or off for this category and channel. */
    public boolean hasChoice(Category category, Channel channel) {
        return (chosen & bit(category, channel)) != 0;
    }

    /** The customer's own choice for the category on the channel; false where {@link #hasChoice} is false. */
    public boolean chosenOn(Category category, Channel channel) {
        return (on & bit(category, channel)) != 0 && hasChoice(category, channel);
    }

    /** Whether the channel is on for the category: the customer's choice, else the category default. */
    public boolean isOn(Category category, Channel channel, CategoryPolicies policies) {
        long bit = bit(category, channel);
        if ((chosen & bit) != 0) {
            return (on & bit) != 0;
        }
        return !policies.of(category).optIn();
    }

    /** The channel's quiet hours, or null when it has none. */
    public QuietHours quietHoursFor(Channel channel) {
        return quietHours[channel.ordinal()];
    }

    /** The category's frequency cap, or null when it is uncapped. */
    public FrequencyCap capFor(Category category) {
        return caps[category.ordinal()];
    }

    /** The category's collapse window, or null when bursts are not merged. */
    public CollapseWindow collapseWindowFor(Category category) {
        return collapseWindows[category.ordinal()];
    }

    /** The language messages should be rendered in. */
    public Locale language() {
        return language;
    }

    /** The frequency caps that are set, in category order. */
    public List<FrequencyCap> caps() {
        List<FrequencyCap> set = new ArrayList<>();
        for (FrequencyCap cap : caps) {
            if (cap != null) {
                set.add(cap);
            }
        }
        return List.copyOf(set);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreferenceSet that
                && chosen == that.chosen
                && on == that.on
                && Arrays.equals(quietHours, that.quietHours)
                && Arrays.equals(caps, that.caps)
                && Arrays.equals(collapseWindows, that.collapseWindows)
                && language.equals(that.language);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chosen, on, Arrays.hashCode(quietHours), Arrays.hashCode(caps),
                Arrays.hashCode(collapseWindows), language);
    }

    @Override
    public String toString() {
        return "PreferenceSet[chosen=" + Long.toHexString(chosen) + ", on=" + Long.toHexString(on)
                + ", quietHours=" + Arrays.toString(quietHours) + ", caps=" + Arrays.toString(caps)
                + ", collapseWindows=" + Arrays.toString(collapseWindows) + ", language=" + language + "]";
    }

    /** Collects a customer's choices into a {@link PreferenceSet}. */
    public static final class Builder {
        private long chosen;
        private long on;
        private final QuietHours[] quietHours = new QuietHours[Channel.COUNT];
        private final FrequencyCap[] caps = new FrequencyCap[Category.ALL.size()];
        private final CollapseWindow[] collapseWindows = new CollapseWindow[Category.ALL.size()];
        private Locale language = Locale.ENGLISH;

        private Builder() {
        }

        /** Records the customer's on/off choice for a category on a channel. */
        public Builder choose(Category category, Channel channel, boolean enabled) {
            long bit = bit(Objects.requireNonNull(category, "category must not be null"),
                    Objects.requireNonNull(channel, "channel must not be null"));
            chosen |= bit;
            on = enabled ? on | bit : on & ~bit;
            return this;
        }

        /** Sets the channel's quiet hours. */
        public Builder quietHours(Channel channel, QuietHours hours) {
            quietHours[Objects.requireNonNull(channel, "channel must not be null").ordinal()] =
                    Objects.requireNonNull(hours, "hours must not be null");
            return this;
        }

        /** Sets a frequency cap, replacing any earlier cap of the same category. */
        public Builder cap(FrequencyCap cap) {
            caps[Objects.requireNonNull(cap, "cap must not be null").category().ordinal()] = cap;
            return this;
        }

        /** Sets a collapse window, replacing any earlier window of the same category. */
        public Builder collapseWindow(CollapseWindow window) {
            collapseWindows[Objects.requireNonNull(window, "window must not be null").category().ordinal()] = window;
            return this;
        }

        /** Sets the preferred language. */
        public Builder language(Locale preferred) {
            language = Objects.requireNonNull(preferred, "language must not be null");
            return this;
        }

        /** The immutable preference set. */
        public PreferenceSet build() {
            return new PreferenceSet(this);
        }
    }
}
