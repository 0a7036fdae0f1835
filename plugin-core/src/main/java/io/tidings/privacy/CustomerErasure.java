package io.tidings.privacy;

import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.customer.ExternalRefs;
import io.tidings.dispatch.Outbox;
import io.tidings.ledger.ConsentLedgerStore;
import io.tidings.notification.NotificationLog;
import io.tidings.persistence.DatabaseTime;
import io.tidings.preference.PreferenceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Erases a customer (GDPR Art. 17) in one transaction: the profile's personal data and external
 * references, their preferences with history, their notification log and the personal evidence of
 * their consent records are removed, and so are their pending and past sends in the outbox and
 * whatever the deployed {@link ErasureStep}s hold (unreachable-address marks, stored replies, device
 * tokens, in-app messages, webhook payloads). What stays is the minimal proof of consent and revocation (purposes,
 * statuses, dates, hashes), which still verifies.
 */
@ApplicationScoped
public class CustomerErasure {

    private final CustomerStore customers;
    private final ConsentLedgerStore ledger;
    private final PreferenceStore preferences;
    private final NotificationLog log;
    private final Outbox outbox;
    private final List<ErasureStep> steps;
    private final Clock clock;

    @Inject
    public CustomerErasure(CustomerStore customers, ConsentLedgerStore ledger, PreferenceStore preferences,
                           NotificationLog log, Outbox outbox, @Any Instance<ErasureStep> steps, Clock clock) {
        this(customers, ledger, preferences, log, outbox, steps.stream().toList(), clock);
    }

    public CustomerErasure(CustomerStore customers, ConsentLedgerStore ledger, PreferenceStore preferences,
                           NotificationLog log, Outbox outbox, List<ErasureStep> steps, Clock clock) {
        this.customers = customers;
        this.ledger = ledger;
        this.preferences = preferences;
        this.log = log;
        this.outbox = outbox;
        this.steps = List.copyOf(steps);
        this.clock = clock;
    }

    /** Erases the customer; afterwards Tidings answers as if it never knew them, except for the ledger's proof. */
    public void erase(UUID customerId) {
        Instant now = DatabaseTime.now(clock);
        customers.inTransaction(handle -> {
            if (!customers.lock(handle, customerId)) {
                throw Customers.notFound(customerId);
            }
            ExternalRefs refs = customers.findMatching(handle, List.of(customerId), List.of(), List.of(), List.of())
                    .getFirst().profile().externalRefs();
            for (ErasureStep step : steps) {
                step.erase(handle, customerId, refs);
            }
            ledger.eraseEvidence(handle, customerId);
            preferences.deleteWithHistory(handle, customerId);
            log.deleteFor(handle, customerId);
            outbox.deleteFor(handle, customerId);
            return customers.erase(handle, customerId, now);
        });
    }
}
