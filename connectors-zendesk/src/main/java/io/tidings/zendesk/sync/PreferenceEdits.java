package io.tidings.zendesk.sync;

import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.preference.PreferenceSet;

/** One on/off choice changed in a preference set, everything else kept. */
final class PreferenceEdits {

    private PreferenceEdits() {
    }

    static PreferenceSet withChoice(PreferenceSet base, Category category, Channel channel, boolean on) {
        PreferenceSet.Builder builder = PreferenceSet.builder().language(base.language());
        for (Category each : Category.ALL) {
            for (Channel via : Channel.ALL) {
                if (base.hasChoice(each, via)) {
                    builder.choose(each, via, base.chosenOn(each, via));
                }
            }
            if (base.capFor(each) != null) {
                builder.cap(base.capFor(each));
            }
            if (base.collapseWindowFor(each) != null) {
                builder.collapseWindow(base.collapseWindowFor(each));
            }
        }
        for (Channel via : Channel.ALL) {
            if (base.quietHoursFor(via) != null) {
                builder.quietHours(via, base.quietHoursFor(via));
            }
        }
        return builder.choose(category, channel, on).build();
    }
}
