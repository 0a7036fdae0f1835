package io.tidings.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.tidings.api.model.CustomerInput;
import io.tidings.error.FieldViolation;
import io.tidings.error.InvalidInputException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a client's customer input into a valid {@link CustomerProfile}, or names every field that
 * is not acceptable. Phone numbers are normalised to E.164, locales to canonical BCP 47 tags.
 */
public final class CustomerInputs {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    private static final Pattern ZENDESK_ID = Pattern.compile("[0-9]{1,20}");
    private static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{15}|[a-zA-Z0-9]{18}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@.]+(\\.[^\\s@.]+)+");
    private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,15}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int MAX_TAGS = 50;

    private CustomerInputs() {
    }

    /** The outcome of reading one input: a profile, or the violations (pointers relative to the input). */
    public record Reading(CustomerProfile profile, List<FieldViolation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }

        /** The profile, or the violations as a 422 for the client. */
        public CustomerProfile profileOrThrow() {
            if (!valid()) {
                throw new InvalidInputException(violations);
            }
            return profile;
        }
    }

    /** Reads a whole profile: fields left out are empty. */
    public static Reading read(CustomerInput input) {
        return readOnto(CustomerProfile.EMPTY, input);
    }

    /**
     * Reads the input over a stored profile: fields the input leaves out (null) keep their stored
     * value, an empty string clears one, and each external reference is overlaid on its own.
     */
    public static Reading readOnto(CustomerProfile base, CustomerInput input) {
        if (input == null) {
            return new Reading(null, List.of(new FieldViolation("/", "a customer object is required")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        ExternalRefs refs = base.externalRefs().overlaidWith(refs(input.getExternalRefs(), violations));
        Region region = input.getRegion() == null ? base.region() : region(input.getRegion(), violations);
        CustomerProfile profile = new CustomerProfile(
                refs,
                input.getEmail() == null ? base.email() : email(input.getEmail(), violations),
                input.getPhone() == null ? base.phone() : phone(input.getPhone(), region.country(), violations),
                input.getLocale() == null ? base.locale() : locale("/locale", input.getLocale(), violations),
                input.getTimeZone() == null ? base.timeZone() : zone(input.getTimeZone(), violations),
                region,
                input.getSegments() == null ? base.segments() : tags("/segments", input.getSegments(), violations),
                input.getServices() == null ? base.services() : tags("/services", input.getServices(), violations));
        return violations.isEmpty() ? new Reading(profile, List.of()) : new Reading(null, List.copyOf(violations));
    }

    private static ExternalRefs refs(io.tidings.api.model.ExternalRefs refs, List<FieldViolation> violations) {
        if (refs == null) {
            return ExternalRefs.NONE;
        }
        String zendesk = blankToNull(refs.getZendeskUserId());
        if (zendesk != null && !ZENDESK_ID.matcher(zendesk).matches()) {
            violations.add(new FieldViolation("/externalRefs/zendeskUserId", "a Zendesk user id is a number"));
        }
        return new ExternalRefs(zendesk,
                salesforceId("/externalRefs/salesforceContactId", refs.getSalesforceContactId(), "003", "Contact", violations),
                salesforceId("/externalRefs/salesforceIndividualId", refs.getSalesforceIndividualId(), "0PK", "Individual", violations));
    }

    private static String salesforceId(String field, String raw, String keyPrefix, String object, List<FieldViolation> violations) {
        String id = blankToNull(raw);
        if (id == null) {
            return null;
        }
        if (!SALESFORCE_ID.matcher(id).matches()) {
            violations.add(new FieldViolation(field, "a Salesforce id has 15 or 18 letters and digits"));
        } else if (!id.startsWith(keyPrefix)) {
            violations.add(new FieldViolation(field, "a Salesforce " + object + " id starts with " + keyPrefix));
        }
        return id;
    }

    private static String email(String raw, List<FieldViolation> violations) {
        String email = blankToNull(raw);
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            violations.add(new FieldViolation("/email", "not an email address"));
        }
        return email;
    }

    private static String phone(String raw, String country, List<FieldViolation> violations) {
        String phone = blankToNull(raw);
        if (phone == null) {
            return null;
        }
        if (phone.length() > 32) {
            violations.add(new FieldViolation("/phone", "a phone number has at most 32 characters"));
            return null;
        }
        try {
            PhoneNumber parsed = PHONES.parse(phone, country == null ? "ZZ" : country);
            if (!PHONES.isValidNumber(parsed)) {
                violations.add(new FieldViolation("/phone", "not a valid phone number"
                        + (country == null ? "" : " for " + PHONES.getRegionCodeForNumber(parsed))));
                return null;
            }
            return PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            violations.add(new FieldViolation("/phone", switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "start with + and the country code, or set region.country";
                default -> "not a phone number";
            }));
            return null;
        }
    }

    /** A BCP 47 language tag as a locale, or null (with a violation at {@code field} when it is not one). */
    public static Locale locale(String field, String raw, List<FieldViolation> violations) {
        String tag = blankToNull(raw);
        if (tag == null) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
            if (locale.getLanguage().isEmpty()) {
                violations.add(new FieldViolation(field, "a locale names a language, e.g. en-US"));
                return null;
            }
            return locale;
        } catch (IllformedLocaleException e) {
            violations.add(new FieldViolation(field, "not a BCP 47 language tag, e.g. en-US"));
            return null;
        }
    }

    private static ZoneId zone(String raw, List<FieldViolation> violations) {
        String zone = blankToNull(raw);
        if (zone == null) {
            return null;
        }
        if (!ZONES.contains(zone)) {
            violations.add(new FieldViolation("/timeZone", "not an IANA time zone, e.g. Europe/Berlin"));
            return null;
        }
        return ZoneId.of(zone);
    }

    private static Region region(io.tidings.api.model.Region region, List<FieldViolation> violations) {
        if (region == null) {
            return Region.UNKNOWN;
        }
        String country = blankToNull(region.getCountry());
        String subdivision = blankToNull(region.getSubdivision());
        String postalCode = blankToNull(region.getPostalCode());
        if (country != null && !Region.isCountryCode(country)) {
            violations.add(new FieldViolation("/region/country", "not an ISO 3166-1 alpha-2 country code, e.g. US"));
            country = null;
        }
        if (subdivision != null) {
            if (!Region.isSubdivisionCode(subdivision)) {
                violations.add(new FieldViolation("/region/subdivision", "not an ISO 3166-2 code, e.g. US-CA"));
            } else if (country == null || !subdivision.startsWith(country + "-")) {
                violations.add(new FieldViolation("/region/subdivision", "must lie in region.country"));
            }
        }
        if (postalCode != null && !POSTAL_CODE.matcher(postalCode).matches()) {
            violations.add(new FieldViolation("/region/postalCode", "letters, digits, spaces and dashes, at most 16"));
        }
        return new Region(country, subdivision, postalCode);
    }

    /** Reads segment or service names (lowercase tags), naming each one that is not acceptable. */
    public static Set<String> tags(String field, Set<String> raw, List<FieldViolation> violations) {
        if (raw.size() > MAX_TAGS) {
            violations.add(new FieldViolation(field, "at most " + MAX_TAGS + " entries"));
        }
        Set<String> tags = new TreeSet<>();
        int index = 0;
        for (String tag : raw) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                violations.add(new FieldViolation(field + "/" + index,
                        "lowercase letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64"));
            } else {
                tags.add(tag);
            }
            index++;
        }
        return tags;
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
