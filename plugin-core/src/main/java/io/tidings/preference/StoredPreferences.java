package io.tidings.preference;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's preferences as stored: the set, its version (1 for the first change) and when it was set.
 *
 * @param preferences the preferences
 * @param version     counts the changes, from 1; 0 for a customer who never set any
 * @param updatedAt   when this version was stored, or null for version 0
 */
public record StoredPreferences(PreferenceSet preferences, int version, Instant updatedAt) {

    private static final StoredPreferences NONE = new StoredPreferences(PreferenceSet.none(), 0, null);

    public StoredPreferences {
        Objects.requireNonNull(preferences, "preferences must not be null");
        if (version < 0 || (version == 0) != (updatedAt == null)) {
            throw new IllegalArgumentException("version 0 has no update time; later versions need one");
        }
    }

    /** The preferences of a customer who never set any: every category default. */
    public static StoredPreferences none() {
        return NONE;
    }
}
