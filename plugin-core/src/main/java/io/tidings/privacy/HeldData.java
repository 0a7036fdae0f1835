package io.tidings.privacy;

import io.tidings.consent.ConsentRecord;
import io.tidings.customer.Customer;
import io.tidings.inapp.InAppMessage;
import io.tidings.notification.NotificationLogEntry;
import io.tidings.preference.PreferenceChange;
import io.tidings.preference.StoredPreferences;
import io.tidings.push.DeviceToken;

import java.time.Instant;
import java.util.List;

/**
 * Everything Tidings holds about one customer, for export (GDPR Art. 15 and 20).
 *
 * @param exportedAt        when it was gathered
 * @param customer          the profile
 * @param preferences       the current preferences
 * @param preferenceHistory every version of the preferences, newest first
 * @param consents          the consent ledger
 * @param notifications     the notification log, oldest first
 * @param deviceTokens      the push registration tokens of the customer's app installs
 * @param inAppMessages     the in-app messages, oldest first
 */
public record HeldData(Instant exportedAt, Customer customer, StoredPreferences preferences,
                       List<PreferenceChange> preferenceHistory, List<ConsentRecord> consents,
                       List<NotificationLogEntry> notifications, List<DeviceToken> deviceTokens,
                       List<InAppMessage> inAppMessages) {
}
