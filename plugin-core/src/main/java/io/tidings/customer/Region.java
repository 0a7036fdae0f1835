package io.tidings.customer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a customer is, as outage scoping needs it. Absent parts are null.
 *
 * @param country     ISO 3166-1 alpha-2
 * @param subdivision ISO 3166-2, within the country
 * @param postalCode  as the postal service writes it
 */
public record Region(String country, String subdivision, String postalCode) {

    public static final Region UNKNOWN = new Region(null, null, null);

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern SUBDIVISION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    /** Whether the code is an ISO 3166-1 alpha-2 country, e.g. {@code DE}. */
    public static boolean isCountryCode(String code) {
        return COUNTRIES.contains(code);
    }

    /** Whether the code has the ISO 3166-2 form, e.g. {@code US-CA} (the JDK does not list subdivisions). */
    public static boolean isSubdivisionCode(String code) {
        return SUBDIVISION.matcher(code).matches();
    }

    public boolean isUnknown() {
        return country == null && subdivision == null && postalCode == null;
    }
}
