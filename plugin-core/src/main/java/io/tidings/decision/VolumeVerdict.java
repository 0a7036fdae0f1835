package io.tidings.decision;

import io.tidings.preference.Category;
import io.tidings.preference.CategoryPolicy;
import io.tidings.preference.CollapseWindow;
import io.tidings.preference.FrequencyCap;
import io.tidings.preference.PreferenceSet;

import java.time.Instant;
import java.util.List;

/**
 * What the collapse window and the frequency cap say about a message. Both count messages of the
 * category whatever their channel, so the verdict is the same on every channel and is worked out
 * once per decision.
 *
 * @param steps   the trail steps the volume rules add, in order
 * @param allowed false when the message collapses into an earlier one or the cap is full
 */
record VolumeVerdict(List<TrailStep> steps, boolean allowed) {

    private static final VolumeVerdict NO_LIMITS = new VolumeVerdict(List.of(), true);

    /** Collapse runs before the cap: a merged message is not a new one, so it is neither capped nor counted. */
    static VolumeVerdict of(DecisionInput input, CategoryPolicy policy) {
        Category category = input.category();
        PreferenceSet preferences = input.preferences();
        CollapseWindow window = preferences.collapseWindowFor(category);
        FrequencyCap cap = preferences.capFor(category);
        if (window == null && cap == null) {
            return NO_LIMITS;
        }
        if (policy.mustSend() || policy.critical()) {
            return new VolumeVerdict(List.of(new TrailStep.VolumeLimitsWaived(category)), true);
        }
        Instant now = input.now();
        TrailStep.CollapseChecked collapse = null;
        if (window != null) {
            SentMessage into = input.history().latestAbout(category, input.kind(), input.collapseKey(),
                    now.minus(window.window()), now);
            collapse = new TrailStep.CollapseChecked(window, input.kind(), input.collapseKey(), into);
            if (into != null) {
                return new VolumeVerdict(List.of(collapse), false);
            }
        }
        if (cap == null) {
            return new VolumeVerdict(List.of(collapse), true);
        }
        int counted = input.history().countBetween(category, now.minus(cap.period()), now);
        TrailStep.CapChecked capped = new TrailStep.CapChecked(cap, counted);
        boolean allowed = counted < cap.max();
        return new VolumeVerdict(collapse == null ? List.of(capped) : List.of(collapse, capped), allowed);
    }
}
