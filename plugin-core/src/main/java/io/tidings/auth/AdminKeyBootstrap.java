package io.tidings.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** At start-up, stores the admin key named by {@code tidings.admin-key}, so a fresh install can be administered. */
@ApplicationScoped
class AdminKeyBootstrap {

    private static final System.Logger LOG = System.getLogger(AdminKeyBootstrap.class.getName());

    private final ApiKeys apiKeys;
    private final Optional<String> configuredKey;

    @Inject
    AdminKeyBootstrap(ApiKeys apiKeys, @ConfigProperty(name = "tidings.admin-key") Optional<String> configuredKey) {
        this.apiKeys = apiKeys;
        this.configuredKey = configuredKey;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        configuredKey.filter(key -> !key.isBlank()).ifPresentOrElse(
                key -> apiKeys.bootstrapAdmin(new ApiKeySecret(key)),
                () -> LOG.log(System.Logger.Level.WARNING,
                        "tidings.admin-key is not set: only keys already in the database can call the API"));
    }
}
