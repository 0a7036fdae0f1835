package io.tidings.dispatch;

import io.tidings.template.MessageTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** Builds the dispatcher's settings and message composer from configuration ({@code tidings.dispatch.*}). */
@ApplicationScoped
class DispatchConfiguration {

    @Produces
    DispatchSettings settings(@ConfigProperty(name = "tidings.dispatch.batch-size", defaultValue = "50") int batchSize,
                              @ConfigProperty(name = "tidings.dispatch.lease", defaultValue = "PT2M") Duration lease,
                              @ConfigProperty(name = "tidings.dispatch.retry.first-delay", defaultValue = "PT30S")
                              Duration firstDelay,
                              @ConfigProperty(name = "tidings.dispatch.retry.max-delay", defaultValue = "PT1H")
                              Duration maxDelay,
                              @ConfigProperty(name = "tidings.dispatch.retry.max-attempts", defaultValue = "10")
                              int maxAttempts) {
        return new DispatchSettings(batchSize, lease, new RetrySchedule(firstDelay, maxDelay, maxAttempts));
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
