package io.tidings.preference;

import io.tidings.event.PreferenceEntryChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The settings in which two versions of a customer's preferences differ, as integrators are told them. */
public final class PreferenceDiff {

    private PreferenceDiff() {
    }

    public static List<PreferenceEntryChange> between(PreferenceSet before, PreferenceSet after) {
        List<PreferenceEntryChange> changes = new ArrayList<>();
        for (Category category : Category.ALL) {
            for (Channel channel : Channel.ALL) {
                add(changes, "choice", category, channel, choice(before, category, channel), choice(after, category, channel));
            }
            add(changes, "frequencyCap", category, null, cap(before.capFor(category)), cap(after.capFor(category)));
            add(changes, "collapseWindow", category, null, window(before.collapseWindowFor(category)),
                    window(after.collapseWindowFor(category)));
        }
        for (Channel channel : Channel.ALL) {
            add(changes, "quietHours", null, channel, hours(before.quietHoursFor(channel)), hours(after.quietHoursFor(channel)));
        }
        add(changes, "language", null, null, before.language().toLanguageTag(), after.language().toLanguageTag());
        return changes;
    }

    private static void add(List<PreferenceEntryChange> changes, String setting, Category category, Channel channel,
                            String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new PreferenceEntryChange(setting, category == null ? null : category.name(),
                    channel == null ? null : channel.name(), before, after));
        }
    }

    private static String choice(PreferenceSet set, Category category, Channel channel) {
        return set.hasChoice(category, channel) ? Boolean.toString(set.chosenOn(category, channel)) : null;
    }

    private static String cap(FrequencyCap cap) {
        return cap == null ? null : cap.max() + "/" + cap.period();
    }

    private static String window(CollapseWindow window) {
        return window == null ? null : window.window().toString();
    }

    private static String hours(QuietHours hours) {
        return hours == null ? null : hours.start() + "-" + hours.end();
    }
}
