package io.tidings.decision;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The ordered rule steps that produced a decision on one channel, readable by a human. */
public final class DecisionTrail {

    private final TrailStep[] steps;

    DecisionTrail(TrailStep[] steps, int count) {
        this.steps = Arrays.copyOf(steps, count);
    }

    /** A trail of the given steps, in order. */
    public static DecisionTrail of(List<TrailStep> steps) {
        TrailStep[] array = steps.toArray(TrailStep[]::new);
        for (TrailStep step : array) {
            Objects.requireNonNull(step, "steps must not contain null");
        }
        return new DecisionTrail(array, array.length);
    }

    /** The steps in the order the rules ran. */
    public List<TrailStep> steps() {
        return List.of(steps);
    }

    /** The rules in the order they ran. */
    public List<Rule> rules() {
        Rule[] rules = new Rule[steps.length];
        for (int i = 0; i < steps.length; i++) {
            rules[i] = steps[i].rule();
        }
        return List.of(rules);
    }

    /** The step the rules ended on. */
    TrailStep lastStep() {
        return steps[steps.length - 1];
    }

    /** The last step that did not simply pass, or null when every step passed. */
    public TrailStep decisiveStep() {
        for (int i = steps.length - 1; i >= 0; i--) {
            if (steps[i].verdict() != Verdict.PASS) {
                return steps[i];
            }
        }
        return null;
    }

    /** One line per step. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (TrailStep step : steps) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(step.describe());
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecisionTrail that && Arrays.equals(steps, that.steps);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(steps);
    }

    @Override
    public String toString() {
        return describe();
    }
}
