package io.tidings.consent;

import java.util.Objects;

/**
 * The outcome of verifying a customer's consent ledger: intact, or the first broken record and why.
 *
 * @param recordsChecked how many records were checked (up to and including the broken one)
 * @param brokenSequence sequence number of the first broken record, or -1 when intact
 * @param breakKind      why it is broken, or null when intact
 * @param detail         a human-readable explanation, or null when intact
 */
public record ChainVerification(int recordsChecked, long brokenSequence, ChainBreak breakKind, String detail) {

    public ChainVerification {
        if (recordsChecked < 0) {
            throw new IllegalArgumentException("recordsChecked must not be negative, was " + recordsChecked);
        }
        if ((breakKind == null) != (detail == null) || (breakKind == null) != (brokenSequence == -1)) {
            throw new IllegalArgumentException("a break needs kind, detail and sequence together; intact needs none");
        }
    }

    /** Every one of {@code count} records is intact. */
    public static ChainVerification intact(int count) {
        return new ChainVerification(count, -1, null, null);
    }

    /** The record at {@code sequence} (the {@code count}-th checked) is the first broken one. */
    public static ChainVerification broken(int count, long sequence, ChainBreak kind, String detail) {
        return new ChainVerification(count, sequence, Objects.requireNonNull(kind, "kind must not be null"),
                Objects.requireNonNull(detail, "detail must not be null"));
    }

    /** Whether the ledger is intact. */
    public boolean isIntact() {
        return breakKind == null;
    }
}
