package io.tidings.decision;

import io.tidings.preference.Category;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.CategoryPolicy;
import io.tidings.preference.Channel;
import io.tidings.preference.NoChannelFallback;
import io.tidings.preference.RecipientTime;

import java.util.Objects;
import java.util.Set;

/**
 * Decides, per channel, what happens to a message: a pure, deterministic function of its input
 * (no I/O, no clock; "now" is part of the input), safe to share between threads.
 *
 * <p>Each requested channel runs the {@link ChannelRules rule chain}. If every requested channel is
 * suppressed by a channel rule (consent, preference, no sending window), no channel is allowed and
 * the category decides; suppression by a message rule (incident hold, collapse, cap) means the
 * message itself is not wanted, so nothing replaces it. When no channel is allowed: a must-send category (legal notices)
 * is first rerouted to another channel that can carry it now, or else later; failing that, and for
 * categories whose policy says so, every requested channel escalates to an agent. A category with
 * OFFER_UPDATE sends a preference-update link on the first channel allowed for transactional
 * messages; one with DEFER stays suppressed, since there is no later window to wait for.
 */
public final class DecisionEngine {

    private final ChannelRules rules;

    /** An engine applying the given category policies. */
    public DecisionEngine(CategoryPolicies policies) {
        this.rules = new ChannelRules(Objects.requireNonNull(policies, "policies must not be null"));
    }

    /** Decides the message described by the input on every requested channel. */
    public ChannelDecisions decide(DecisionInput input) {
        Objects.requireNonNull(input, "input must not be null");
        RecipientTime time = RecipientTime.of(input.now(), input.zone());
        Category category = input.category();
        Set<Channel> requested = input.channels();
        Decision[] decisions = new Decision[Channel.COUNT];
        StepList steps = new StepList();
        VolumeVerdict volume = VolumeVerdict.of(input, rules.policyOf(category));
        boolean noChannelAllowed = true;
        for (Channel channel : Channel.ALL) {
            if (requested.contains(channel)) {
                steps.startTrail();
                Decision decision = rules.evaluate(input, time, category, channel, volume, steps);
                decisions[channel.ordinal()] = decision;
                noChannelAllowed &= isChannelBlocked(decision);
            }
        }
        if (noChannelAllowed) {
            CategoryPolicy policy = rules.policyOf(category);
            if (!policy.mustSend() || !reroute(input, time, volume, decisions, steps)) {
                applyFallback(input, time, policy, decisions, steps);
            }
        }
        return new ChannelDecisions(decisions);
    }

    /** Moves a must-send message to the first unrequested channel that can send now, else the earliest deferral. */
    private boolean reroute(DecisionInput input, RecipientTime time, VolumeVerdict volume, Decision[] decisions,
                            StepList steps) {
        Channel from = firstRequested(input.channels());
        Decision best = null;
        for (Channel channel : Channel.ALL) {
            if (input.channels().contains(channel)) {
                continue;
            }
            steps.startTrail();
            steps.add(new TrailStep.Rerouted(from, channel, true));
            Decision candidate = rules.evaluate(input, time, input.category(), channel, volume, steps);
            if (candidate.outcome() == Outcome.SEND) {
                best = candidate;
                break;
            }
            if (candidate.outcome() == Outcome.DEFER
                    && (best == null || candidate.deferUntil().isBefore(best.deferUntil()))) {
                best = candidate;
            }
        }
        if (best == null) {
            return false;
        }
        decisions[best.channel().ordinal()] = best;
        for (Channel channel : input.channels()) {
            Decision blocked = decisions[channel.ordinal()];
            decisions[channel.ordinal()] = new Decision(channel, Outcome.SUPPRESS, null,
                    extended(blocked.trail(), new TrailStep.Rerouted(channel, best.channel(), false), steps));
        }
        return true;
    }

    private void applyFallback(DecisionInput input, RecipientTime time, CategoryPolicy policy, Decision[] decisions,
                               StepList steps) {
        NoChannelFallback fallback = policy.mustSend() ? NoChannelFallback.ESCALATE : policy.whenNoChannel();
        Decision offer = fallback == NoChannelFallback.OFFER_UPDATE ? updateOffer(input, time, steps) : null;
        Channel offerChannel = offer == null ? null : offer.channel();
        TrailStep.FallbackApplied step = new TrailStep.FallbackApplied(input.category(), policy.whenNoChannel(),
                policy.mustSend(), offerChannel);
        Outcome outcome = fallback == NoChannelFallback.ESCALATE ? Outcome.ESCALATE : Outcome.SUPPRESS;
        for (Channel channel : input.channels()) {
            decisions[channel.ordinal()] = new Decision(channel, outcome, null,
                    extended(decisions[channel.ordinal()].trail(), step, steps));
        }
        if (offer != null) {
            Decision existing = decisions[offerChannel.ordinal()];
            steps.startTrail();
            if (existing != null) {
                steps.addAll(existing.trail());
            } else {
                steps.add(step);
            }
            steps.addAll(offer.trail());
            decisions[offerChannel.ordinal()] = new Decision(offerChannel, Outcome.OFFER_UPDATE, null, steps.toTrail());
        }
    }

    /** The first channel on which a transactional message (the update link) may be sent now, as its decision. */
    private Decision updateOffer(DecisionInput input, RecipientTime time, StepList steps) {
        for (Channel channel : Channel.ALL) {
            steps.startTrail();
            Decision decision = rules.evaluate(input, time, Category.TRANSACTIONAL, channel, null, steps);
            if (decision.outcome() == Outcome.SEND) {
                return decision;
            }
        }
        return null;
    }

    /** A channel rule ended the chain; the chain stops at the first block, so that is its last step. */
    private static boolean isChannelBlocked(Decision decision) {
        if (decision.outcome() != Outcome.SUPPRESS) {
            return false;
        }
        Rule rule = decision.trail().lastStep().rule();
        return rule == Rule.CONTACT_POINT || rule == Rule.CONSENT || rule == Rule.PREFERENCE || rule == Rule.QUIET_HOURS;
    }

    private static DecisionTrail extended(DecisionTrail trail, TrailStep step, StepList steps) {
        steps.startTrail();
        steps.addAll(trail);
        steps.add(step);
        return steps.toTrail();
    }

    private static Channel firstRequested(Set<Channel> requested) {
        for (Channel channel : Channel.ALL) {
            if (requested.contains(channel)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("no channel requested");
    }
}
