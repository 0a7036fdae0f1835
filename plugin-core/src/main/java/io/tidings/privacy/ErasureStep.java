package io.tidings.privacy;

import io.tidings.customer.ExternalRefs;
import org.jdbi.v3.core.Handle;

import java.util.UUID;

/**
 * A store of personal data about customers beyond the profile, ledger, preferences, log and outbox
 * (e.g. device tokens, or the webhook inbox's payloads in another module): each step erases its
 * part inside the erasure's transaction, so a customer is erased everywhere or nowhere.
 */
public interface ErasureStep {

    /**
     * Erases what this step holds about the customer.
     *
     * @param refs the customer's identities in the CRMs, as they were before the erasure removes them
     */
    void erase(Handle transaction, UUID customerId, ExternalRefs refs);
}
