package io.tidings.customer;

/**
 * A customer's identities in the connected CRMs; each one belongs to at most one customer.
 * Absent references are null.
 */
public record ExternalRefs(String zendeskUserId, String salesforceContactId, String salesforceIndividualId) {

    public static final ExternalRefs NONE = new ExternalRefs(null, null, null);

    public boolean isEmpty() {
        return zendeskUserId == null && salesforceContactId == null && salesforceIndividualId == null;
    }

    /** These references, with any that {@code newer} sets taking its value. */
    public ExternalRefs overlaidWith(ExternalRefs newer) {
        return new ExternalRefs(
                newer.zendeskUserId != null ? newer.zendeskUserId : zendeskUserId,
                newer.salesforceContactId != null ? newer.salesforceContactId : salesforceContactId,
                newer.salesforceIndividualId != null ? newer.salesforceIndividualId : salesforceIndividualId);
    }
}
