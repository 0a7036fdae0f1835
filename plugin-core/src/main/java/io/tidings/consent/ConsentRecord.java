package io.tidings.consent;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One append-only entry of a customer's consent ledger: the statement, its position in the
 * customer's chain, and the SHA-256 hashes that make any later edit detectable.
 *
 * @param customerId   the customer
 * @param sequence     1-based position in the customer's ledger
 * @param statement    what the record says
 * @param previousHash hash of the previous record of the same customer ({@link ConsentChain#GENESIS_HASH} for the first)
 * @param hash         SHA-256 of this record's canonical encoding, lowercase hex
 */
public record ConsentRecord(UUID customerId, long sequence, ConsentStatement statement, String previousHash,
                            String hash) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ConsentRecord {
        Objects.requireNonNull(customerId, "customerId must not be null");
        Objects.requireNonNull(statement, "statement must not be null");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
        }
        requireSha256Hex(previousHash, "previousHash");
        requireSha256Hex(hash, "hash");
    }

    /** This record with the personal parts of its evidence erased; its hashes stay valid. */
    public ConsentRecord erased() {
        ConsentStatement s = statement;
        return new ConsentRecord(customerId, sequence, new ConsentStatement(s.purpose(), s.status(), s.basis(), s.scope(),
                s.capturedAt(), s.effectiveFrom(), s.effectiveTo(), s.source(), s.evidence().erased()), previousHash, hash);
    }

    private static void requireSha256Hex(String value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (!SHA256_HEX.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 64 lowercase hex digits, was '" + value + "'");
        }
    }
}
