package io.tidings.zendesk.sync;

import io.tidings.consent.ConsentRecord;
import io.tidings.consent.CurrentConsent;
import io.tidings.customer.CustomerStore;
import io.tidings.ledger.ConsentLedger;
import io.tidings.preference.CustomerPreferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads what a customer's Zendesk fields show from Tidings' stores. */
@ApplicationScoped
public class CustomerSnapshots {

    private final CustomerStore customers;
    private final CustomerPreferences preferences;
    private final ConsentLedger ledger;
    private final Clock clock;

    @Inject
    public CustomerSnapshots(CustomerStore customers, CustomerPreferences preferences, ConsentLedger ledger,
                             Clock clock) {
        this.customers = customers;
        this.preferences = preferences;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The customer's snapshot now, or empty when they are erased or gone. */
    public Optional<CustomerSnapshot> of(UUID customerId) {
        return customers.find(customerId).map(customer -> {
            List<ConsentRecord> records = ledger.records(customerId);
            Instant lastChange = records.stream().map(record -> record.statement().capturedAt())
                    .max(Comparator.naturalOrder()).orElse(null);
            return new CustomerSnapshot(customer, preferences.get(customerId).preferences(),
                    CurrentConsent.derive(records, clock.instant()), lastChange);
        });
    }
}
