package io.tidings.preference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads category policy overrides from configuration, e.g.
 * {@code tidings.categories.survey.opt-in=false} or
 * {@code tidings.categories.promotional.when-no-channel=OFFER_UPDATE}; each unset key keeps the
 * category's default. Keys: {@code opt-in}, {@code critical}, {@code must-send},
 * {@code when-no-channel} (DEFER, ESCALATE, OFFER_UPDATE).
 */
@ApplicationScoped
public class CategoryPolicyConfig {

    /** A singleton rather than application-scoped: CategoryPolicies is a record and needs no proxy. */
    @Produces
    @Singleton
    public CategoryPolicies categoryPolicies(Config config) {
        Map<Category, CategoryPolicy> policies = new EnumMap<>(Category.class);
        for (Category category : Category.ALL) {
            String prefix = "tidings.categories." + category.name().toLowerCase(Locale.ROOT) + ".";
            CategoryPolicy defaults = category.defaultPolicy();
            policies.put(category, new CategoryPolicy(
                    config.getOptionalValue(prefix + "opt-in", Boolean.class).orElse(defaults.optIn()),
                    config.getOptionalValue(prefix + "must-send", Boolean.class).orElse(defaults.mustSend()),
                    config.getOptionalValue(prefix + "critical", Boolean.class).orElse(defaults.critical()),
                    config.getOptionalValue(prefix + "when-no-channel", String.class)
                            .map(value -> fallback(prefix + "when-no-channel", value))
                            .orElse(defaults.whenNoChannel())));
        }
        return new CategoryPolicies(policies);
    }

    private static NoChannelFallback fallback(String key, String value) {
        try {
            return NoChannelFallback.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be DEFER, ESCALATE or OFFER_UPDATE, not '" + value + "'", e);
        }
    }
}
