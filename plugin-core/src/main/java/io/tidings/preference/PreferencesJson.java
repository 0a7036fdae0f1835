package io.tidings.preference;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tidings.api.model.ChannelChoice;
import io.tidings.api.model.CollapseWindowSetting;
import io.tidings.api.model.FrequencyCapSetting;
import io.tidings.api.model.Preferences;
import io.tidings.api.model.QuietHoursSetting;
import io.tidings.http.JsonMapping;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Preferences as the REST API shows them, and as the history stores each version. */
public final class PreferencesJson {

    private PreferencesJson() {
    }

    /** The API view of stored preferences. */
    public static Preferences toApi(StoredPreferences stored) {
        PreferenceSet set = stored.preferences();
        List<ChannelChoice> choices = new ArrayList<>();
        List<FrequencyCapSetting> caps = new ArrayList<>();
        List<CollapseWindowSetting> windows = new ArrayList<>();
        for (Category category : Category.ALL) {
            for (Channel channel : Channel.ALL) {
                if (set.hasChoice(category, channel)) {
                    choices.add(new ChannelChoice().category(api(category)).channel(api(channel))
                            .enabled(set.chosenOn(category, channel)));
                }
            }
            FrequencyCap cap = set.capFor(category);
            if (cap != null) {
                caps.add(new FrequencyCapSetting().category(api(category)).max(cap.max()).period(cap.period().toString()));
            }
            CollapseWindow window = set.collapseWindowFor(category);
            if (window != null) {
                windows.add(new CollapseWindowSetting().category(api(category)).window(window.window().toString()));
            }
        }
        List<QuietHoursSetting> quietHours = new ArrayList<>();
        for (Channel channel : Channel.ALL) {
            QuietHours hours = set.quietHoursFor(channel);
            if (hours != null) {
                quietHours.add(new QuietHoursSetting().channel(api(channel))
                        .start(hours.start().toString()).end(hours.end().toString()));
            }
        }
        return new Preferences()
                .version(stored.version())
                .updatedAt(stored.updatedAt() == null ? null : stored.updatedAt().atOffset(ZoneOffset.UTC))
                .language(set.language().toLanguageTag())
                .choices(choices)
                .quietHours(quietHours)
                .frequencyCaps(caps)
                .collapseWindows(windows);
    }

    /** The API view of a history entry. */
    public static io.tidings.api.model.PreferenceChange toApi(PreferenceChange change) {
        try {
            return new io.tidings.api.model.PreferenceChange()
                    .version(change.version())
                    .changedAt(change.changedAt().atOffset(ZoneOffset.UTC))
                    .changedBy(change.changedBy())
                    .ticketId(change.ticketId())
                    .preferences(JsonMapping.MAPPER.readValue(change.document(), Preferences.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("preference history version " + change.version() + " is not readable", e);
        }
    }

    /** The document the history keeps for a version. */
    static String document(StoredPreferences stored) {
        try {
            return JsonMapping.MAPPER.writeValueAsString(toApi(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("preferences could not be written as JSON", e);
        }
    }

    /** The API name of a category. */
    public static io.tidings.api.model.Category api(Category category) {
        return io.tidings.api.model.Category.valueOf(category.name());
    }

    /** The API name of a channel. */
    public static io.tidings.api.model.Channel api(Channel channel) {
        return io.tidings.api.model.Channel.valueOf(channel.name());
    }
}
