package io.tidings.customer;

/**
 * Where a customer is, as outage scoping needs it. Absent parts are null.
 *
 * @param country     ISO 3166-1 alpha-2
 * @param subdivision ISO 3166-2, within the country
 * @param postalCode  as the postal service writes it
 */
public record Region(String country, String subdivision, String postalCode) {

    public static final Region UNKNOWN = new Region(null, null, null);

    public boolean isUnknown() {
        return country == null && subdivision == null && postalCode == null;
    }
}
