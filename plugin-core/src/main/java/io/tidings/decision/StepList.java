package io.tidings.decision;

import java.util.Arrays;

/** The steps of the trail being built for one channel; reused across the channels of one decision. */
final class StepList {

    private TrailStep[] steps = new TrailStep[12];
    private int size;

    void clear() {
        size = 0;
    }

    void add(TrailStep step) {
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, size * 2);
        }
        steps[size++] = step;
    }

    void addAll(DecisionTrail trail) {
        for (TrailStep step : trail.steps()) {
            add(step);
        }
    }

    DecisionTrail toTrail() {
        return new DecisionTrail(steps, size);
    }
}
