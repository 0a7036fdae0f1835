package io.tidings.consent;

/** Where a consent record was captured. */
public enum ConsentSource {
    PREFERENCE_CENTRE, AGENT, IVR, EMAIL_LINK, SMS_KEYWORD, IMPORT, CRM_SYNC
}
