package io.tidings.consent;

/** Where a consent record was captured. */
public enum ConsentSource {
    PREFERENCE_CENTRE, AGENT, IVR, EMAIL_LINK, SMS_KEYWORD, IMPORT, CRM_SYNC,
    /** A channel provider's report of the customer's own act, e.g. an email marked as spam. */
    PROVIDER_FEEDBACK
}
