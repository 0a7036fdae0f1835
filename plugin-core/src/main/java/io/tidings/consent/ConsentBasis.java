package io.tidings.consent;

/** How consent was given: an explicit act of the customer, or implied by the relationship. */
public enum ConsentBasis {
    EXPLICIT, IMPLICIT
}
