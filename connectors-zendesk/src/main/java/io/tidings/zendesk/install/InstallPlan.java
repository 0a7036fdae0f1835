package io.tidings.zendesk.install;

import java.util.List;

/**
 * What installing Tidings into a Zendesk account would do.
 *
 * @param toCreate what is missing and would be created, in order
 * @param present  what is there already and is left alone
 */
public record InstallPlan(List<InstallStep> toCreate, List<String> present) {

    public InstallPlan {
        toCreate = List.copyOf(toCreate);
        present = List.copyOf(present);
    }

    /** Whether the account has everything already. */
    public boolean complete() {
        return toCreate.isEmpty();
    }

    /** The plan as lines to print. */
    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(toCreate.isEmpty() ? "Nothing to create: everything Tidings needs is there."
                : "Would create " + toCreate.size() + ":");
        toCreate.forEach(step -> lines.add("  + " + step.describe()));
        if (!present.isEmpty()) {
            lines.add("Already there, left alone (" + present.size() + "):");
            present.forEach(item -> lines.add("  = " + item));
        }
        return lines;
    }
}
