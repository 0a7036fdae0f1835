package io.tidings.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's preferences changed ({@code preferences.changed}): the new version and the
 * settings that differ from the previous one.
 *
 * @param version   the version the change created; versions order the changes
 * @param changedAt when it was stored
 * @param changes   the settings that changed
 */
public record PreferencesChanged(UUID customerId, int version, Instant changedAt, List<PreferenceEntryChange> changes)
        implements CustomerEvent {

    public static final String TYPE = "preferences.changed";

    public PreferencesChanged {
        changes = List.copyOf(changes);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
