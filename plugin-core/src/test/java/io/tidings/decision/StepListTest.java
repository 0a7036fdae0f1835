package io.tidings.decision;

import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StepListTest {

    @Test
    void trailsHandedOutKeepTheirStepsWhileLaterTrailsOutgrowTheArray() {
        StepList steps = new StepList();
        List<DecisionTrail> trails = new ArrayList<>();
        List<List<TrailStep>> expected = new ArrayList<>();
        for (int trail = 0; trail < 30; trail++) {
            steps.startTrail();
            List<TrailStep> added = new ArrayList<>();
            for (int step = 0; step <= trail % 7; step++) {
                TrailStep next = new TrailStep.Rerouted(Channel.ALL.get(step % Channel.COUNT),
                        Channel.ALL.get(trail % Channel.COUNT), step % 2 == 0);
                steps.add(next);
                added.add(next);
            }
            trails.add(steps.toTrail());
            expected.add(added);
        }

        for (int i = 0; i < trails.size(); i++) {
            assertThat(trails.get(i).steps()).as("trail %d", i).containsExactlyElementsOf(expected.get(i));
        }
    }

    @Test
    void aTrailCopiedIntoTheNextOneIsExtendedWithoutChangingTheOriginal() {
        StepList steps = new StepList();
        TrailStep waived = new TrailStep.VolumeLimitsWaived(Category.LEGAL);
        steps.startTrail();
        steps.add(waived);
        DecisionTrail first = steps.toTrail();

        TrailStep rerouted = new TrailStep.Rerouted(Channel.SMS, Channel.EMAIL, false);
        steps.startTrail();
        steps.addAll(first);
        steps.add(rerouted);
        DecisionTrail extended = steps.toTrail();

        assertThat(first.steps()).containsExactly(waived);
        assertThat(extended.steps()).containsExactly(waived, rerouted);
        assertThat(extended).isNotEqualTo(first).isEqualTo(DecisionTrail.of(List.of(waived, rerouted)));
        assertThat(extended.hashCode()).isEqualTo(DecisionTrail.of(List.of(waived, rerouted)).hashCode());
    }
}
