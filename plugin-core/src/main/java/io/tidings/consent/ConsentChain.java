package io.tidings.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One customer's consent ledger as a hash chain: appending links a new record to the last one, and
 * verifying recomputes every link to find the first record that was edited, removed or reordered.
 */
public final class ConsentChain {

    /** The previous-hash of a customer's first record. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private final UUID customerId;
    private final List<ConsentRecord> records;

    private ConsentChain(UUID customerId, List<ConsentRecord> records) {
        this.customerId = Objects.requireNonNull(customerId, "customerId must not be null");
        this.records = List.copyOf(Objects.requireNonNull(records, "records must not be null"));
    }

    /** A customer's ledger with no records yet. */
    public static ConsentChain empty(UUID customerId) {
        return new ConsentChain(customerId, List.of());
    }

    /** A customer's ledger as stored, in sequence order, not yet verified. */
    public static ConsentChain of(UUID customerId, List<ConsentRecord> records) {
        return new ConsentChain(customerId, records);
    }

    /** This ledger with the statement appended as the next record. */
    public ConsentChain append(ConsentStatement statement) {
        Objects.requireNonNull(statement, "statement must not be null");
        ConsentRecord last = records.isEmpty() ? null : records.getLast();
        long sequence = last == null ? 1 : last.sequence() + 1;
        String previousHash = last == null ? GENESIS_HASH : last.hash();
        String hash = hashOf(customerId, sequence, statement, previousHash);
        List<ConsentRecord> appended = new ArrayList<>(records.size() + 1);
        appended.addAll(records);
        appended.add(new ConsentRecord(customerId, sequence, statement, previousHash, hash));
        return new ConsentChain(customerId, appended);
    }

    /** The customer whose ledger this is. */
    public UUID customerId() {
        return customerId;
    }

    /** The records in sequence order. */
    public List<ConsentRecord> records() {
        return records;
    }

    /** Recomputes the chain and names the first record that breaks it. */
    public ChainVerification verify() {
        String expectedPrevious = GENESIS_HASH;
        long expectedSequence = 1;
        int checked = 0;
        for (ConsentRecord record : records) {
            checked++;
            if (!record.customerId().equals(customerId)) {
                return ChainVerification.broken(checked, record.sequence(), ChainBreak.FOREIGN_CUSTOMER,
                        "record " + record.sequence() + " belongs to customer " + record.customerId());
            }
            if (record.sequence() != expectedSequence) {
                return ChainVerification.broken(checked, record.sequence(), ChainBreak.SEQUENCE_GAP,
                        "expected sequence " + expectedSequence + " but found " + record.sequence());
            }
            if (!record.previousHash().equals(expectedPrevious)) {
                return ChainVerification.broken(checked, record.sequence(), ChainBreak.PREVIOUS_HASH_MISMATCH,
                        "record " + record.sequence() + " links to " + record.previousHash()
                                + " but the previous record's hash is " + expectedPrevious);
            }
            String recomputed = hashOf(customerId, record.sequence(), record.statement(), record.previousHash());
            if (!recomputed.equals(record.hash())) {
                return ChainVerification.broken(checked, record.sequence(), ChainBreak.CONTENT_HASH_MISMATCH,
                        "record " + record.sequence() + " stores hash " + record.hash()
                                + " but its content hashes to " + recomputed);
            }
            expectedPrevious = record.hash();
            expectedSequence++;
        }
        return ChainVerification.intact(checked);
    }

    /** SHA-256 over the record's {@linkplain ConsentEncoding canonical encoding}, lowercase hex. */
    static String hashOf(UUID customerId, long sequence, ConsentStatement statement, String previousHash) {
        return ConsentEncoding.sha256Hex(ConsentEncoding.encode(customerId, sequence, statement, previousHash));
    }
}
