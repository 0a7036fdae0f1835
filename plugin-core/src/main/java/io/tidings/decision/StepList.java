package io.tidings.decision;

import java.util.Arrays;
import java.util.List;

/**
 * The trails of one decision, built one after another into a single append-only array: each
 * channel's trail is a slice of it, so no trail is copied out. Slices handed out are never written
 * again; when the array fills up, the trail in progress moves to a larger one and earlier slices
 * keep the old array.
 *
 * <p>Steps are held in an {@code Object[]}: storing into a {@code TrailStep[]} makes the JVM check
 * on every store that the step implements the interface, which profiling showed to be the single
 * largest cost of deciding.
 */
final class StepList {

    /** Room for a six-channel decision's trails in the common case. */
    private static final int INITIAL_CAPACITY = 40;

    private Object[] steps = new Object[INITIAL_CAPACITY];
    private int start;
    private int size;

    /** Begins a new trail; the steps added since the last start are abandoned unless made a trail. */
    void startTrail() {
        start = size;
    }

    void add(TrailStep step) {
        if (size == steps.length) {
            grow(1);
        }
        steps[size++] = step;
    }

    void addAll(DecisionTrail trail) {
        trail.copyInto(this);
    }

    void addAll(List<TrailStep> more) {
        for (int i = 0; i < more.size(); i++) {
            add(more.get(i));
        }
    }

    /** Appends steps known to be trail steps, as a block. */
    void addAll(Object[] more, int from, int to) {
        int count = to - from;
        if (size + count > steps.length) {
            grow(count);
        }
        System.arraycopy(more, from, steps, size, count);
        size += count;
    }

    /** The steps added since the trail started, as a trail. */
    DecisionTrail toTrail() {
        return new DecisionTrail(steps, start, size);
    }

    private void grow(int needed) {
        int length = size - start;
        Object[] larger = new Object[Math.max(steps.length, length + needed) * 2];
        System.arraycopy(steps, start, larger, 0, length);
        steps = larger;
        start = 0;
        size = length;
    }
}
