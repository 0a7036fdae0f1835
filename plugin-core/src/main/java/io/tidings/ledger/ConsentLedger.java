package io.tidings.ledger;

import io.tidings.consent.ChainVerification;
import io.tidings.consent.ConsentChain;
import io.tidings.consent.ConsentRecord;
import io.tidings.consent.ConsentStatement;
import io.tidings.consent.CurrentConsent;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.event.ConsentChanged;
import io.tidings.event.DomainEvents;
import io.tidings.persistence.DatabaseTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Customers' consent ledgers: appends records (grants, denials, withdrawals) so that each
 * customer's chain stays valid under concurrent writers, derives current consent, and verifies.
 * Every append publishes {@code consent.changed} in its own transaction.
 */
@ApplicationScoped
public class ConsentLedger {

    private final CustomerStore customers;
    private final ConsentLedgerStore store;
    private final DomainEvents events;

    @Inject
    public ConsentLedger(CustomerStore customers, ConsentLedgerStore store, DomainEvents events) {
        this.customers = customers;
        this.store = store;
        this.events = events;
    }

    /** A ledger that tells no one of its changes, for tools and tests without integrator webhooks. */
    public ConsentLedger(CustomerStore customers, ConsentLedgerStore store) {
        this(customers, store, DomainEvents.none());
    }

    /**
     * Appends the statement to the customer's ledger. The customer's row is locked for the
     * transaction, so concurrent appends for one customer queue up and each links to the last.
     */
    public ConsentRecord record(UUID customerId, ConsentStatement statement) {
        return customers.inTransaction(handle -> {
            if (!customers.lock(handle, customerId)) {
                throw Customers.notFound(customerId);
            }
            return append(handle, customerId, statement);
        });
    }

    /**
     * Appends the statement inside the caller's transaction, which holds the customer's row lock,
     * and publishes the change there too: code that changes consent as part of a larger unit of work
     * (e.g. an SMS STOP keyword) appends through here, never through the store.
     */
    public ConsentRecord append(Handle transaction, UUID customerId, ConsentStatement statement) {
        ConsentRecord appended = store.append(transaction, customerId, storable(statement));
        events.publish(transaction, ConsentChanged.of(appended));
        return appended;
    }

    /** The customer's ledger in sequence order; also for an erased customer, whose proof remains. */
    public List<ConsentRecord> records(UUID customerId) {
        List<ConsentRecord> records = store.records(customerId);
        if (records.isEmpty()) {
            customers.find(customerId).orElseThrow(() -> Customers.notFound(customerId));
        }
        return records;
    }

    /** The customer's effective consent per purpose and channel at the instant. */
    public CurrentConsent current(UUID customerId, Instant at) {
        return CurrentConsent.derive(records(customerId), at);
    }

    /** Recomputes the customer's chain and names the first broken record. */
    public ChainVerification verify(UUID customerId) {
        return ConsentChain.of(customerId, records(customerId)).verify();
    }

    /** Recomputes every customer's chain and names the first broken record of each broken one. */
    public LedgerVerification verifyAll() {
        List<LedgerVerification.Broken> broken = new ArrayList<>();
        int[] ledgers = {0};
        long[] records = {0};
        store.forEachLedger(chain -> {
            ChainVerification verification = chain.verify();
            ledgers[0]++;
            records[0] += verification.recordsChecked();
            if (!verification.isIntact()) {
                broken.add(new LedgerVerification.Broken(chain.customerId(), verification));
            }
        });
        return new LedgerVerification(ledgers[0], records[0], broken);
    }

    /** The statement with its instants as the database keeps them, so the hash computed now verifies later. */
    private static ConsentStatement storable(ConsentStatement s) {
        return new ConsentStatement(s.purpose(), s.status(), s.basis(), s.scope(), DatabaseTime.stored(s.capturedAt()),
                DatabaseTime.stored(s.effectiveFrom()), DatabaseTime.stored(s.effectiveTo()), s.source(), s.evidence());
    }
}
