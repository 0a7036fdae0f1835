package io.tidings.preference;

import java.time.Instant;

/**
 * One version in a customer's preference history.
 *
 * @param version   the version it created
 * @param changedAt when
 * @param changedBy the API key that made the change
 * @param ticketId  the support ticket it was captured on, or null
 * @param document  the preferences after the change, as the API showed them (JSON)
 */
public record PreferenceChange(int version, Instant changedAt, String changedBy, String ticketId, String document) {
}
