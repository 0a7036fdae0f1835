package io.tidings.zendesk.sync;

import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentState;
import io.tidings.preference.Category;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.Channel;
import io.tidings.preference.QuietHours;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user fields that carry a customer's preferences and consent into Zendesk: defined once here,
 * created by the installer and written by the sync. One checkbox per category × channel an agent
 * talks about (promotional, service updates and surveys by email, SMS, WhatsApp and voice), one
 * marketing-consent checkbox per channel, and the customer's quiet hours, time zone and last
 * consent change as text and date fields.
 */
public final class TidingsUserFields {

    static final List<Category> CATEGORIES = List.of(Category.PROMOTIONAL, Category.SERVICE_UPDATE, Category.SURVEY);
    static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.SMS, Channel.WHATSAPP, Channel.VOICE);
    public static final SyncedField.Shown QUIET_HOURS = new SyncedField.Shown("tidings_quiet_hours", "text",
            "Tidings: quiet hours");
    public static final SyncedField.Shown TIME_ZONE = new SyncedField.Shown("tidings_time_zone", "text",
            "Tidings: time zone");
    public static final SyncedField.Shown LAST_CONSENT_CHANGE = new SyncedField.Shown("tidings_last_consent_change",
            "date", "Tidings: last consent change");

    /** Every field, in the order the installer creates them. */
    public static final List<SyncedField> ALL = all();

    private TidingsUserFields() {
    }

    private static List<SyncedField> all() {
        List<SyncedField> fields = new ArrayList<>();
        for (Category category : CATEGORIES) {
            for (Channel channel : CHANNELS) {
                fields.add(new SyncedField.PreferenceToggle(category, channel));
            }
        }
        CHANNELS.forEach(channel -> fields.add(new SyncedField.MarketingOptIn(channel)));
        fields.add(QUIET_HOURS);
        fields.add(TIME_ZONE);
        fields.add(LAST_CONSENT_CHANGE);
        return List.copyOf(fields);
    }

    /** The field with this key, if Tidings owns it. */
    public static Optional<SyncedField> byKey(String key) {
        return ALL.stream().filter(field -> field.key().equals(key)).findFirst();
    }

    /** The value of every field for the customer, keyed by field key; null clears a field. */
    public static Map<String, Object> values(CustomerSnapshot snapshot, CategoryPolicies policies) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (SyncedField field : ALL) {
            values.put(field.key(), valueOf(field, snapshot, policies));
        }
        return values;
    }

    static Object valueOf(SyncedField field, CustomerSnapshot snapshot, CategoryPolicies policies) {
        return switch (field) {
            case SyncedField.PreferenceToggle toggle ->
                    snapshot.preferences().isOn(toggle.category(), toggle.channel(), policies);
            case SyncedField.MarketingOptIn optIn -> marketingGranted(snapshot, optIn.channel());
            case SyncedField.Shown shown when shown.equals(QUIET_HOURS) -> quietHours(snapshot);
            case SyncedField.Shown shown when shown.equals(TIME_ZONE) ->
                    snapshot.customer().profile().timeZone() == null ? null
                            : snapshot.customer().profile().timeZone().getId();
            case SyncedField.Shown shown when shown.equals(LAST_CONSENT_CHANGE) ->
                    snapshot.lastConsentChange() == null ? null
                            : snapshot.lastConsentChange().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            case SyncedField.Shown shown -> throw new IllegalStateException("no value for " + shown.key());
        };
    }

    static boolean marketingGranted(CustomerSnapshot snapshot, Channel channel) {
        ConsentState state = snapshot.consent().stateOf(ConsentPurpose.MARKETING, channel);
        return state != null && state.status().allows();
    }

    /** E.g. {@code SMS 21:00-08:00, VOICE 20:00-09:00}; null when no channel has quiet hours. */
    private static String quietHours(CustomerSnapshot snapshot) {
        List<String> windows = new ArrayList<>();
        for (Channel channel : Channel.ALL) {
            QuietHours hours = snapshot.preferences().quietHoursFor(channel);
            if (hours != null) {
                windows.add(channel.name() + " " + hours.start() + "-" + hours.end());
            }
        }
        return windows.isEmpty() ? null : String.join(", ", windows);
    }
}
