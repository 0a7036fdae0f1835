package io.tidings.dispatch;

import io.tidings.template.MessageTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Builds the dispatcher's settings and message composer from configuration ({@code tidings.dispatch.*}). */
@ApplicationScoped
class DispatchConfiguration {

    private static final String RATE_LIMIT = "tidings.dispatch.rate-limit.";

    @Produces
    DispatchSettings settings(@ConfigProperty(name = "tidings.dispatch.batch-size", defaultValue = "50") int batchSize,
                              @ConfigProperty(name = "tidings.dispatch.lease", defaultValue = "PT2M") Duration lease,
                              @ConfigProperty(name = "tidings.dispatch.retry.first-delay", defaultValue = "PT30S")
                              Duration firstDelay,
                              @ConfigProperty(name = "tidings.dispatch.retry.max-delay", defaultValue = "PT1H")
                              Duration maxDelay,
                              @ConfigProperty(name = "tidings.dispatch.retry.max-attempts", defaultValue = "10")
                              int maxAttempts,
                              @ConfigProperty(name = "tidings.dispatch.circuit-breaker.failures", defaultValue = "5")
                              int breakerThreshold,
                              @ConfigProperty(name = "tidings.dispatch.circuit-breaker.open-for", defaultValue = "PT30S")
                              Duration breakerOpenFor,
                              @ConfigProperty(name = "tidings.dispatch.decision-fresh-for", defaultValue = "PT1M")
                              Duration decisionFreshFor,
                              @Any Instance<ChannelProvider> providers,
                              Config config) {
        return new DispatchSettings(batchSize, lease, new RetrySchedule(firstDelay, maxDelay, maxAttempts),
                breakerThreshold, breakerOpenFor, ratesPerSecond(providers, config), decisionFreshFor);
    }

    /**
     * {@code tidings.dispatch.rate-limit.<provider id>=<sends per second>} for each provider. Looked up
     * by name rather than found among the property names, which list environment variables only in
     * their {@code TIDINGS_…} form.
     */
    private static Map<String, Double> ratesPerSecond(Instance<ChannelProvider> providers, Config config) {
        Map<String, Double> rates = new HashMap<>();
        providers.forEach(provider -> config.getOptionalValue(RATE_LIMIT + provider.id(), Double.class)
                .ifPresent(rate -> rates.put(provider.id(), rate)));
        return rates;
    }

    @Produces
    MessageComposer composer(@ConfigProperty(name = "tidings.templates.default-locale", defaultValue = "en")
                             String defaultLocale,
                             @ConfigProperty(name = "tidings.preference-centre.url") URI preferenceCentre,
                             @ConfigProperty(name = "tidings.sms.max-segments", defaultValue = "4") int maxSmsSegments) {
        return new MessageComposer(new MessageTemplates(Locale.forLanguageTag(defaultLocale)), preferenceCentre,
                maxSmsSegments);
    }
}
