package io.tidings.decision;

import java.util.Arrays;
import java.util.List;

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
        addAll(trail.steps());
    }

    void addAll(List<TrailStep> more) {
        for (int i = 0; i < more.size(); i++) {
            add(more.get(i));
        }
    }

    DecisionTrail toTrail() {
        return new DecisionTrail(steps, size);
    }
}
