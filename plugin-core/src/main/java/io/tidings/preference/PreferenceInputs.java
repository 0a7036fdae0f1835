package io.tidings.preference;

import io.tidings.api.model.CategoryChannel;
import io.tidings.api.model.ChannelChoice;
import io.tidings.api.model.CollapseWindowSetting;
import io.tidings.api.model.FrequencyCapSetting;
import io.tidings.api.model.PreferencesInput;
import io.tidings.api.model.PreferencesPatch;
import io.tidings.api.model.QuietHoursSetting;
import io.tidings.customer.CustomerInputs;
import io.tidings.error.FieldViolation;
import io.tidings.error.InvalidInputException;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns a client's preferences (a whole set for PUT, a change for PATCH) into domain values, or
 * names every field that is not acceptable.
 */
public final class PreferenceInputs {

    private static final Pattern HOUR_MINUTE = Pattern.compile("[0-2][0-9]:[0-5][0-9]");
    private static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    private PreferenceInputs() {
    }

    /** The whole preference set a PUT describes; lists left out are empty. */
    public static PreferenceSet read(PreferencesInput input) {
        requireBody(input);
        List<FieldViolation> violations = new ArrayList<>();
        Parts parts = new Parts(violations);
        parts.language(input.getLanguage());
        parts.choices(input.getChoices());
        parts.quietHours(input.getQuietHours());
        parts.caps(input.getFrequencyCaps());
        parts.windows(input.getCollapseWindows());
        rejectIfAny(violations);
        return parts.applyTo(PreferenceSet.none());
    }

    /** The change a PATCH describes, to apply to the stored preferences. */
    public static UnaryOperator<PreferenceSet> readPatch(PreferencesPatch patch) {
        requireBody(patch);
        List<FieldViolation> violations = new ArrayList<>();
        Parts parts = new Parts(violations);
        parts.language(patch.getLanguage());
        parts.choices(patch.getChoices());
        parts.resetChoices(patch.getResetChoices());
        parts.quietHours(patch.getQuietHours());
        parts.removedQuietHours(patch.getRemoveQuietHours());
        parts.caps(patch.getFrequencyCaps());
        parts.removedCaps(patch.getRemoveFrequencyCaps());
        parts.windows(patch.getCollapseWindows());
        parts.removedWindows(patch.getRemoveCollapseWindows());
        rejectIfAny(violations);
        return parts::applyTo;
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new InvalidInputException("/", "a preferences object is required");
        }
    }

    private static void rejectIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** The validated parts of an input; {@link #applyTo} lays them over a preference set. */
    private static final class Parts {
        private final List<FieldViolation> violations;
        private Locale language;
        private final List<Choice> choices = new ArrayList<>();
        private final Set<Integer> resetChoices = new HashSet<>();
        private final List<Window> quietHours = new ArrayList<>();
        private final Set<Channel> removedQuietHours = new HashSet<>();
        private final List<FrequencyCap> caps = new ArrayList<>();
        private final Set<Category> removedCaps = new HashSet<>();
        private final List<CollapseWindow> windows = new ArrayList<>();
        private final Set<Category> removedWindows = new HashSet<>();

        Parts(List<FieldViolation> violations) {
            this.violations = violations;
        }

        void language(String raw) {
            if (raw != null) {
                language = CustomerInputs.locale("/language", raw, violations);
            }
        }

        void choices(List<ChannelChoice> raw) {
            Set<String> seen = new HashSet<>();
            forEach(raw, "/choices", (choice, at) -> {
                Category category = required(at + "/category", choice.getCategory());
                Channel channel = required(at + "/channel", choice.getChannel());
                Boolean enabled = required(at + "/enabled", choice.getEnabled());
                if (category != null && channel != null && !seen.add(category + "/" + channel)) {
                    violations.add(new FieldViolation(at, "a second choice for " + category + " on " + channel));
                } else if (category != null && channel != null && enabled != null) {
                    choices.add(new Choice(category, channel, enabled));
                }
            });
        }

        void resetChoices(List<CategoryChannel> raw) {
            forEach(raw, "/resetChoices", (reset, at) -> {
                Category category = required(at + "/category", reset.getCategory());
                Channel channel = required(at + "/channel", reset.getChannel());
                if (category != null && channel != null) {
                    resetChoices.add(category.ordinal() * Channel.COUNT + channel.ordinal());
                }
            });
        }

        void quietHours(List<QuietHoursSetting> raw) {
            Set<Channel> seen = new HashSet<>();
            forEach(raw, "/quietHours", (setting, at) -> {
                Channel channel = required(at + "/channel", setting.getChannel());
                LocalTime start = time(at + "/start", setting.getStart());
                LocalTime end = time(at + "/end", setting.getEnd());
                if (channel != null && !seen.add(channel)) {
                    violations.add(new FieldViolation(at + "/channel", "a second window for " + channel));
                } else if (start != null && end != null && start.equals(end)) {
                    violations.add(new FieldViolation(at + "/end", "must differ from start"));
                } else if (channel != null && start != null && end != null) {
                    quietHours.add(new Window(channel, new QuietHours(start, end)));
                }
            });
        }

        void removedQuietHours(List<io.tidings.api.model.Channel> raw) {
            forEach(raw, "/removeQuietHours", (channel, at) -> removedQuietHours.add(required(at, channel)));
        }

        void caps(List<FrequencyCapSetting> raw) {
            Set<Category> seen = new HashSet<>();
            forEach(raw, "/frequencyCaps", (setting, at) -> {
                Category category = required(at + "/category", setting.getCategory());
                Integer max = required(at + "/max", setting.getMax());
                Duration period = duration(at + "/period", setting.getPeriod());
                if (max != null && max < 1) {
                    violations.add(new FieldViolation(at + "/max", "at least 1"));
                } else if (category != null && !seen.add(category)) {
                    violations.add(new FieldViolation(at + "/category", "a second cap for " + category));
                } else if (category != null && max != null && period != null) {
                    caps.add(new FrequencyCap(category, max, period));
                }
            });
        }

        void removedCaps(List<io.tidings.api.model.Category> raw) {
            forEach(raw, "/removeFrequencyCaps", (category, at) -> removedCaps.add(required(at, category)));
        }

        void windows(List<CollapseWindowSetting> raw) {
            Set<Category> seen = new HashSet<>();
            forEach(raw, "/collapseWindows", (setting, at) -> {
                Category category = required(at + "/category", setting.getCategory());
                Duration window = duration(at + "/window", setting.getWindow());
                if (category != null && !seen.add(category)) {
                    violations.add(new FieldViolation(at + "/category", "a second window for " + category));
                } else if (category != null && window != null) {
                    windows.add(new CollapseWindow(category, window));
                }
            });
        }

        void removedWindows(List<io.tidings.api.model.Category> raw) {
            forEach(raw, "/removeCollapseWindows", (category, at) -> removedWindows.add(required(at, category)));
        }

        /** The base with these parts laid over it: named entries replace, removed ones go. */
        PreferenceSet applyTo(PreferenceSet base) {
            PreferenceSet.Builder builder = PreferenceSet.builder()
                    .language(language != null ? language : base.language());
            for (Category category : Category.ALL) {
                for (Channel channel : Channel.ALL) {
                    if (base.hasChoice(category, channel)
                            && !resetChoices.contains(category.ordinal() * Channel.COUNT + channel.ordinal())) {
                        builder.choose(category, channel, base.chosenOn(category, channel));
                    }
                }
                if (base.capFor(category) != null && !removedCaps.contains(category)) {
                    builder.cap(base.capFor(category));
                }
                if (base.collapseWindowFor(category) != null && !removedWindows.contains(category)) {
                    builder.collapseWindow(base.collapseWindowFor(category));
                }
            }
            for (Channel channel : Channel.ALL) {
                if (base.quietHoursFor(channel) != null && !removedQuietHours.contains(channel)) {
                    builder.quietHours(channel, base.quietHoursFor(channel));
                }
            }
            choices.forEach(choice -> builder.choose(choice.category(), choice.channel(), choice.enabled()));
            quietHours.forEach(window -> builder.quietHours(window.channel(), window.hours()));
            caps.forEach(builder::cap);
            windows.forEach(builder::collapseWindow);
            return builder.build();
        }

        private Category required(String field, io.tidings.api.model.Category value) {
            required(field, (Object) value);
            return value == null ? null : category(value);
        }

        private Channel required(String field, io.tidings.api.model.Channel value) {
            required(field, (Object) value);
            return value == null ? null : channel(value);
        }

        private <T> T required(String field, T value) {
            if (value == null) {
                violations.add(new FieldViolation(field, "is required"));
            }
            return value;
        }

        private LocalTime time(String field, String raw) {
            if (required(field, raw) == null) {
                return null;
            }
            try {
                if (HOUR_MINUTE.matcher(raw).matches()) {
                    return LocalTime.parse(raw);
                }
            } catch (DateTimeParseException e) {
                // falls through to the violation below
            }
            violations.add(new FieldViolation(field, "a wall-clock time as HH:mm, e.g. 21:00"));
            return null;
        }

        private Duration duration(String field, String raw) {
            if (required(field, raw) == null) {
                return null;
            }
            try {
                Duration duration = Duration.parse(raw);
                if (!duration.isNegative() && !duration.isZero() && duration.compareTo(LONGEST_PERIOD) <= 0
                        && duration.toSeconds() > 0) {
                    return duration;
                }
            } catch (DateTimeParseException e) {
                // falls through to the violation below
            }
            violations.add(new FieldViolation(field, "an ISO-8601 duration from PT1S to P366D, e.g. P7D or PT15M"));
            return null;
        }

        private <T> void forEach(List<T> items, String field, Entry<T> entry) {
            if (items == null) {
                return;
            }
            for (int index = 0; index < items.size(); index++) {
                T item = items.get(index);
                if (item == null) {
                    violations.add(new FieldViolation(field + "/" + index, "must not be null"));
                } else {
                    entry.read(item, field + "/" + index);
                }
            }
        }
    }

    private record Choice(Category category, Channel channel, boolean enabled) {
    }

    private record Window(Channel channel, QuietHours hours) {
    }

    private interface Entry<T> {
        void read(T item, String pointer);
    }

    static Category category(io.tidings.api.model.Category category) {
        return Category.valueOf(category.name());
    }

    static Channel channel(io.tidings.api.model.Channel channel) {
        return Channel.valueOf(channel.name());
    }
}
