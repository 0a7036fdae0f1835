package io.tidings.decision;

import io.tidings.consent.ConsentState;
import io.tidings.preference.Category;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.CategoryPolicy;
import io.tidings.preference.Channel;
import io.tidings.preference.PreferenceSet;
import io.tidings.preference.QuietHours;
import io.tidings.preference.RecipientTime;

import java.time.Instant;

/**
 * The rule chain for one message on one channel, in this order: contact point, consent, preference, incident,
 * TCPA floor and quiet hours, collapse window, frequency cap. The first rule that blocks ends the
 * chain with SUPPRESS; time rules only move the send time, so later rules still run.
 *
 * <p>Collapse and cap come from the message's {@link VolumeVerdict}. A full cap suppresses rather than
 * defers: a capped message is one the customer asked not to receive, and deferring would just pile
 * messages up at the edge of the period. Caps and collapse count at the decision instant; a deferred
 * message is decided again when it wakes.
 */
final class ChannelRules {

    /** Enough for any mix of a daily quiet window and the daily TCPA window to settle, or to show it never will. */
    private static final int MAX_TIME_ROUNDS = 4;

    private final CategoryPolicies policies;
    /** The policies by category ordinal: a map lookup per channel showed in profiles. */
    private final CategoryPolicy[] policyByCategory = new CategoryPolicy[Category.COUNT];

    ChannelRules(CategoryPolicies policies) {
        this.policies = policies;
        for (Category category : Category.ALL) {
            policyByCategory[category.ordinal()] = policies.of(category);
        }
    }

    CategoryPolicy policyOf(Category category) {
        return policyByCategory[category.ordinal()];
    }

    /**
     * Runs the chain for the category on the channel, appending its steps to {@code steps}.
     *
     * @param volume the message's collapse and cap verdict, or null where they do not apply (a
     *               preference-update offer)
     */
    Decision evaluate(DecisionInput input, RecipientTime time, Category category, Channel channel,
                      VolumeVerdict volume, StepList steps) {
        CategoryPolicy policy = policyOf(category);
        if (!reachable(input, channel, steps)
                || !consentAllows(input, category, channel, steps)
                || !preferenceAllows(input.preferences(), category, channel, steps)
                || !incidentAllows(input.incident(), category, steps)) {
            return suppressed(channel, steps);
        }
        Instant sendAt = earliestSendingTime(input, time, category, policy, channel, steps);
        if (sendAt == null) {
            return suppressed(channel, steps);
        }
        if (volume != null) {
            steps.addAll(volume.steps());
            if (!volume.allowed()) {
                return suppressed(channel, steps);
            }
        }
        return sendAt.equals(input.now())
                ? new Decision(channel, Outcome.SEND, null, steps.toTrail())
                : new Decision(channel, Outcome.DEFER, sendAt, steps.toTrail());
    }

    private static Decision suppressed(Channel channel, StepList steps) {
        return new Decision(channel, Outcome.SUPPRESS, null, steps.toTrail());
    }

    /** Only an unreachable channel leaves a step: every other decision's trail stays as it was. */
    private static boolean reachable(DecisionInput input, Channel channel, StepList steps) {
        if (!input.unreachable().contains(channel)) {
            return true;
        }
        steps.add(new TrailStep.ContactPointUnreachable(channel));
        return false;
    }

    private static boolean consentAllows(DecisionInput input, Category category, Channel channel, StepList steps) {
        ConsentRequirement requirement = ConsentRequirement.of(category);
        ConsentState state = input.consent().stateOf(requirement.purpose(), channel);
        TrailStep.ConsentChecked step =
                new TrailStep.ConsentChecked(channel, requirement.purpose(), state, requirement.grantRequired());
        steps.add(step);
        return step.verdict() == Verdict.PASS;
    }

    private boolean preferenceAllows(PreferenceSet preferences, Category category, Channel channel, StepList steps) {
        boolean on = preferences.isOn(category, channel, policies);
        steps.add(TrailStep.PreferenceChecked.of(category, channel, on, preferences.hasChoice(category, channel)));
        return on;
    }

    private static boolean incidentAllows(IncidentState incident, Category category, StepList steps) {
        if (!incident.active()) {
            return true;
        }
        // Marketing and surveys during an outage the customer is living through do more harm than good.
        boolean heldBack = category == Category.PROMOTIONAL || category == Category.SURVEY;
        steps.add(new TrailStep.IncidentChecked(category, incident.summary(), heldBack));
        return !heldBack;
    }

    /**
     * The first instant, from now on, at which neither the TCPA floor nor the channel's quiet hours
     * forbid sending; null when they keep pushing each other out.
     */
    private static Instant earliestSendingTime(DecisionInput input, RecipientTime now, Category category,
                                               CategoryPolicy policy, Channel channel, StepList steps) {
        boolean tcpa = TcpaFloor.governs(category, channel);
        QuietHours quiet = input.preferences().quietHoursFor(channel);
        if (!tcpa && quiet == null) {
            return now.instant();
        }
        RecipientTime at = now;
        for (int round = 1; round <= MAX_TIME_ROUNDS; round++) {
            Instant until = tcpa ? TcpaFloor.FORBIDDEN_HOURS.quietUntil(at) : null;
            if (until != null) {
                steps.add(new TrailStep.CallingHoursChecked(channel, at.zone(), at.instant(), until));
                at = at.at(until);
                continue;
            }
            Instant quietUntil = quiet == null ? null : quiet.quietUntil(at);
            if (quietUntil != null && !policy.critical()) {
                steps.add(new TrailStep.QuietHoursChecked(channel, quiet, at.zone(), at.instant(), quietUntil, false));
                at = at.at(quietUntil);
                continue;
            }
            if (tcpa) {
                steps.add(new TrailStep.CallingHoursChecked(channel, at.zone(), at.instant(), null));
            }
            if (quiet != null) {
                steps.add(new TrailStep.QuietHoursChecked(channel, quiet, at.zone(), at.instant(), null,
                        quietUntil != null));
            }
            return at.instant();
        }
        steps.add(new TrailStep.NoSendingWindow(channel, MAX_TIME_ROUNDS));
        return null;
    }
}
