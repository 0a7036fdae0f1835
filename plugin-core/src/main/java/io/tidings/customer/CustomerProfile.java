package io.tidings.customer;

import java.time.ZoneId;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything about a customer that clients set: references, contact points, locale, time zone,
 * region and the segments and services outage scoping selects by. Valid by construction when it
 * comes from {@link CustomerInputs}; absent values are null, segments and services are sorted.
 *
 * @param phone E.164
 */
public record CustomerProfile(
        ExternalRefs externalRefs,
        String email,
        String phone,
        Locale locale,
        ZoneId timeZone,
        Region region,
        Set<String> segments,
        Set<String> services) {

    /** No references, contact points or tags. */
    public static final CustomerProfile EMPTY = new CustomerProfile(null, null, null, null, null, null, null, null);

    public CustomerProfile {
        externalRefs = Objects.requireNonNullElse(externalRefs, ExternalRefs.NONE);
        region = Objects.requireNonNullElse(region, Region.UNKNOWN);
        segments = sortedCopy(segments);
        services = sortedCopy(services);
    }

    private static Set<String> sortedCopy(Set<String> values) {
        return Collections.unmodifiableSortedSet(values == null ? new TreeSet<>() : new TreeSet<>(values));
    }
}
