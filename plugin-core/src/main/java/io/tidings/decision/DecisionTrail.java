package io.tidings.decision;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The ordered rule steps that produced a decision on one channel, readable by a human. */
public final class DecisionTrail {

    /**
     * Holds only trail steps, typed as objects for the reason {@link StepList} gives; this trail is
     * the slice {@code [from, to)}, which nothing writes once the trail exists.
     */
    private final Object[] steps;
    private final int from;
    private final int to;

    DecisionTrail(Object[] steps, int from, int to) {
        this.steps = steps;
        this.from = from;
        this.to = to;
    }

    /** A trail of the given steps, in order. */
    public static DecisionTrail of(List<TrailStep> steps) {
        Object[] array = steps.toArray();
        for (Object step : array) {
            Objects.requireNonNull(step, "steps must not contain null");
        }
        return new DecisionTrail(array, 0, array.length);
    }

    /** The steps in the order the rules ran. */
    public List<TrailStep> steps() {
        TrailStep[] typed = new TrailStep[to - from];
        for (int i = from; i < to; i++) {
            typed[i - from] = step(i);
        }
        return List.of(typed);
    }

    /** The rules in the order they ran. */
    public List<Rule> rules() {
        Rule[] rules = new Rule[to - from];
        for (int i = from; i < to; i++) {
            rules[i - from] = step(i).rule();
        }
        return List.of(rules);
    }

    /** The step the rules ended on. */
    TrailStep lastStep() {
        return step(to - 1);
    }

    void copyInto(StepList list) {
        list.addAll(steps, from, to);
    }

    /** The last step that did not simply pass, or null when every step passed. */
    public TrailStep decisiveStep() {
        for (int i = to - 1; i >= from; i--) {
            if (step(i).verdict() != Verdict.PASS) {
                return step(i);
            }
        }
        return null;
    }

    private TrailStep step(int index) {
        return (TrailStep) steps[index];
    }

    /** One line per step. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(step(i).describe());
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecisionTrail that && Arrays.equals(steps, from, to, that.steps, that.from, that.to);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + steps[i].hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        return describe();
    }
}
