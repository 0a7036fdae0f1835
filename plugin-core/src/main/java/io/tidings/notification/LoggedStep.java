package io.tidings.notification;

import io.tidings.decision.TrailStep;

/**
 * One step of a decision trail as the notification log keeps it: the rule, what it found, in words.
 *
 * @param rule        the rule's name in trails, e.g. {@code quiet-hours}
 * @param verdict     PASS, DEFER, BLOCK or REDIRECT
 * @param description the finding in words
 */
public record LoggedStep(String rule, String verdict, String description) {

    /** The logged form of a trail step. */
    public static LoggedStep of(TrailStep step) {
        return new LoggedStep(step.rule().label(), step.verdict().name(), step.describe());
    }
}
