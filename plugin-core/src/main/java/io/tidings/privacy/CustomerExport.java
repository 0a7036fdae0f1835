package io.tidings.privacy;

import io.tidings.customer.Customer;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.inapp.InAppMessageStore;
import io.tidings.ledger.ConsentLedgerStore;
import io.tidings.notification.NotificationLog;
import io.tidings.persistence.DatabaseTime;
import io.tidings.preference.PreferenceStore;
import io.tidings.preference.StoredPreferences;
import io.tidings.push.DeviceTokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.UUID;

/**
 * Gathers everything held about a customer: profile, preferences and history, consent ledger,
 * notification log, push device tokens and in-app messages.
 */
@ApplicationScoped
public class CustomerExport {

    private final CustomerStore customers;
    private final PreferenceStore preferences;
    private final ConsentLedgerStore ledger;
    private final NotificationLog log;
    private final DeviceTokenStore deviceTokens;
    private final InAppMessageStore inAppMessages;
    private final Clock clock;

    @Inject
    public CustomerExport(CustomerStore customers, PreferenceStore preferences, ConsentLedgerStore ledger,
                          NotificationLog log, DeviceTokenStore deviceTokens, InAppMessageStore inAppMessages,
                          Clock clock) {
        this.customers = customers;
        this.preferences = preferences;
        this.ledger = ledger;
        this.log = log;
        this.deviceTokens = deviceTokens;
        this.inAppMessages = inAppMessages;
        this.clock = clock;
    }

    /** Everything held about the customer now. */
    public HeldData export(UUID customerId) {
        Customer customer = customers.find(customerId).orElseThrow(() -> Customers.notFound(customerId));
        return new HeldData(DatabaseTime.now(clock), customer,
                preferences.find(customerId).orElse(StoredPreferences.none()),
                preferences.history(customerId),
                ledger.records(customerId),
                log.allEntries(customerId),
                deviceTokens.tokens(customerId),
                inAppMessages.all(customerId));
    }
}
