package io.tidings.preference;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configured policy of every category: configuration overrides on top of the built-in defaults.
 * Legal notices stay must-send whatever the configuration says; the TCPA calling-hours floor is not
 * part of a policy at all, so no configuration can loosen it.
 *
 * @param policies one policy per category (missing categories get their default)
 */
public record CategoryPolicies(Map<Category, CategoryPolicy> policies) {

    private static final CategoryPolicies DEFAULTS = new CategoryPolicies(Map.of());

    public CategoryPolicies {
        Objects.requireNonNull(policies, "policies must not be null");
        EnumMap<Category, CategoryPolicy> complete = new EnumMap<>(Category.class);
        for (Category category : Category.ALL) {
            CategoryPolicy configured = policies.get(category);
            complete.put(category, configured == null ? category.defaultPolicy() : configured);
        }
        if (!complete.get(Category.LEGAL).mustSend()) {
            throw new IllegalArgumentException("LEGAL notices are must-send; configuration cannot make them droppable");
        }
        policies = Collections.unmodifiableMap(complete);
    }

    /** The built-in defaults with no overrides. */
    public static CategoryPolicies defaults() {
        return DEFAULTS;
    }

    /** These policies with one category's policy replaced. */
    public CategoryPolicies with(Category category, CategoryPolicy policy) {
        EnumMap<Category, CategoryPolicy> changed = new EnumMap<>(policies);
        changed.put(Objects.requireNonNull(category, "category must not be null"),
                Objects.requireNonNull(policy, "policy must not be null"));
        return new CategoryPolicies(changed);
    }

    /** The policy that applies to a category. */
    public CategoryPolicy of(Category category) {
        return policies.get(category);
    }
}
