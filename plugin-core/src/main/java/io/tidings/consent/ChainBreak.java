package io.tidings.consent;

/** Why a consent ledger failed verification at a record. */
public enum ChainBreak {
    /** The record's content no longer matches its stored hash: the record was edited. */
    CONTENT_HASH_MISMATCH,
    /** The record's previous-hash does not match the record before it: a record was removed, inserted or re-hashed. */
    PREVIOUS_HASH_MISMATCH,
    /** The record's sequence number is not the one after its predecessor's. */
    SEQUENCE_GAP,
    /** The record belongs to another customer. */
    FOREIGN_CUSTOMER
}
