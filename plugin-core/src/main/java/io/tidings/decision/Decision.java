package io.tidings.decision;

import io.tidings.preference.Channel;

import java.time.Instant;
import java.util.Objects;

/**
 * What to do with a message on one channel, and the rule trail that led there.
 *
 * @param channel    the channel
 * @param outcome    send, defer, suppress, escalate or offer a preference update
 * @param deferUntil when to decide again and send, for DEFER; null otherwise
 * @param trail      the rules that produced it, in order
 */
public record Decision(Channel channel, Outcome outcome, Instant deferUntil, DecisionTrail trail) {

    public Decision {
        Objects.requireNonNull(channel, "channel must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(trail, "trail must not be null");
        if ((outcome == Outcome.DEFER) != (deferUntil != null)) {
            throw new IllegalArgumentException("deferUntil is required for DEFER and only for DEFER, outcome was "
                    + outcome + " with deferUntil " + deferUntil);
        }
    }

    /** Why: the decisive step of the trail, in words. */
    public String reason() {
        TrailStep decisive = trail.decisiveStep();
        return decisive == null ? "every rule allowed it" : decisive.describe();
    }
}
