package io.tidings.incident;

import io.tidings.customer.CustomerProfile;
import io.tidings.customer.Region;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whom an incident affects. A customer is affected when each dimension either is empty (which
 * means "everyone") or names one of the customer's services, segments or regions. A region is an
 * ISO 3166-1 country ({@code DE}) or an ISO 3166-2 subdivision ({@code US-CA}), matched against
 * the customer's country and subdivision.
 */
public record IncidentScope(Set<String> services, Set<String> regions, Set<String> segments) {

    /** Every customer. */
    public static final IncidentScope EVERYONE = new IncidentScope(Set.of(), Set.of(), Set.of());

    public IncidentScope {
        services = sorted(services);
        regions = sorted(regions);
        segments = sorted(segments);
    }

    public boolean covers(CustomerProfile customer) {
        return (services.isEmpty() || !Collections.disjoint(services, customer.services()))
                && (segments.isEmpty() || !Collections.disjoint(segments, customer.segments()))
                && (regions.isEmpty() || inRegions(customer.region()));
    }

    private boolean inRegions(Region region) {
        return (region.country() != null && regions.contains(region.country()))
                || (region.subdivision() != null && regions.contains(region.subdivision()));
    }

    private static Set<String> sorted(Set<String> values) {
        return Collections.unmodifiableSortedSet(values == null ? new TreeSet<>() : new TreeSet<>(values));
    }
}
