package io.tidings.ledger;

import io.tidings.consent.ChainVerification;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of verifying every consent ledger in the store.
 *
 * @param ledgersChecked how many customers' ledgers were checked
 * @param recordsChecked how many records were checked in all
 * @param broken         each broken ledger with its first broken record, in customer id order
 */
public record LedgerVerification(int ledgersChecked, long recordsChecked, List<Broken> broken) {

    /** A customer whose ledger failed verification, and where. */
    public record Broken(UUID customerId, ChainVerification verification) {
    }

    public LedgerVerification {
        broken = List.copyOf(broken);
    }

    /** Whether every ledger is intact. */
    public boolean isIntact() {
        return broken.isEmpty();
    }
}
