package io.tidings.zendesk.sync;

import io.tidings.consent.CurrentConsent;
import io.tidings.customer.Customer;
import io.tidings.preference.PreferenceSet;

import java.time.Instant;

/**
 * What Tidings knows about a customer that their Zendesk user fields show.
 *
 * @param customer          the customer
 * @param preferences       their preferences
 * @param consent           their current consent
 * @param lastConsentChange when their latest consent record was captured, or null when they have none
 */
public record CustomerSnapshot(Customer customer, PreferenceSet preferences, CurrentConsent consent,
                               Instant lastConsentChange) {
}
