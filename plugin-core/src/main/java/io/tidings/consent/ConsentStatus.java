package io.tidings.consent;

/** The state a consent record declares. Only GRANTED allows sending. */
public enum ConsentStatus {
    GRANTED, DENIED, REVOKED, EXPIRED;

    /** Whether this status allows contacting the customer. */
    public boolean allows() {
        return this == GRANTED;
    }
}
