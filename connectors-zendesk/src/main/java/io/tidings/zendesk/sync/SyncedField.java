package io.tidings.zendesk.sync;

import io.tidings.zendesk.client.UserField;

import java.util.Locale;

/**
 * One user field Tidings keeps in Zendesk. A field either mirrors a preference or a consent, which
 * an agent may turn off in Zendesk (drift Tidings reads back), or only shows Tidings' state.
 */
public sealed interface SyncedField {

    /** The field's key in {@code user_fields}. */
    String key();

    /** The Zendesk field type. */
    String type();

    /** The label agents see. */
    String title();

    /** The field as the installer creates it. */
    default UserField definition() {
        return new UserField(null, key(), type(), title());
    }

    /** Whether the customer wants messages of the category on the channel. */
    record PreferenceToggle(io.tidings.preference.Category category, io.tidings.preference.Channel channel)
            implements SyncedField {
        @Override
        public String key() {
            return "tidings_" + lower(category.name()) + "_" + lower(channel.name());
        }

        @Override
        public String type() {
            return "checkbox";
        }

        @Override
        public String title() {
            return "Tidings: " + words(category.name()) + " by " + words(channel.name());
        }
    }

    /** Whether marketing consent is granted on the channel. */
    record MarketingOptIn(io.tidings.preference.Channel channel) implements SyncedField {
        @Override
        public String key() {
            return "tidings_" + lower(channel.name()) + "_opt_in";
        }

        @Override
        public String type() {
            return "checkbox";
        }

        @Override
        public String title() {
            return "Tidings: marketing consent by " + words(channel.name());
        }
    }

    /** A value Tidings shows but does not read back. */
    record Shown(String key, String type, String title) implements SyncedField {
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String words(String name) {
        return lower(name).replace('_', ' ');
    }
}
