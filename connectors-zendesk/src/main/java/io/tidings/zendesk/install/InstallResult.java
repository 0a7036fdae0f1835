package io.tidings.zendesk.install;

import java.util.List;

/**
 * What an install created.
 *
 * @param created       the steps carried out
 * @param signingSecret the new webhook's signing secret, for {@code tidings.zendesk.webhook-secret};
 *                      null when the webhook was there already. A secret: shown once, never logged.
 */
public record InstallResult(List<InstallStep> created, String signingSecret) {

    public InstallResult {
        created = List.copyOf(created);
    }

    @Override
    public String toString() {
        return "InstallResult[created=" + created + ", signingSecret=" + (signingSecret == null ? null : "***") + "]";
    }
}
