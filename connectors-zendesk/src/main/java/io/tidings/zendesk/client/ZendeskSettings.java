package io.tidings.zendesk.client;

import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The Zendesk account Tidings works with ({@code tidings.zendesk.*}).
 *
 * @param baseUrl           {@code https://{subdomain}.zendesk.com}, or a full URL (tests, the demo)
 * @param credentials       API token or OAuth token; a secret
 * @param requestsPerMinute the account's plan limit (200, 400, 700, 2,500) or less; Tidings never sends faster
 */
public record ZendeskSettings(URI baseUrl, ZendeskCredentials credentials, int requestsPerMinute) {

    public static final int DEFAULT_REQUESTS_PER_MINUTE = 200;

    public ZendeskSettings {
        Objects.requireNonNull(baseUrl, "tidings.zendesk.base-url or tidings.zendesk.subdomain");
        Objects.requireNonNull(credentials, "tidings.zendesk.api-token with email, or tidings.zendesk.oauth-token");
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("tidings.zendesk.requests-per-minute must be at least 1");
        }
    }

    /**
     * The settings from configuration, or empty when no Zendesk account is configured (no base
     * URL or subdomain, or no credentials).
     */
    public static Optional<ZendeskSettings> from(Config config) {
        Optional<URI> baseUrl = config.getOptionalValue("tidings.zendesk.base-url", String.class).map(URI::create)
                .or(() -> config.getOptionalValue("tidings.zendesk.subdomain", String.class)
                        .map(subdomain -> URI.create("https://" + subdomain + ".zendesk.com")));
        Optional<ZendeskCredentials> credentials = config.getOptionalValue("tidings.zendesk.oauth-token", String.class)
                .<ZendeskCredentials>map(ZendeskCredentials.OAuth::new)
                .or(() -> config.getOptionalValue("tidings.zendesk.api-token", String.class)
                        .flatMap(token -> config.getOptionalValue("tidings.zendesk.email", String.class)
                                .map(email -> new ZendeskCredentials.ApiToken(email, token))));
        int perMinute = config.getOptionalValue("tidings.zendesk.requests-per-minute", Integer.class)
                .orElse(DEFAULT_REQUESTS_PER_MINUTE);
        if (baseUrl.isEmpty() || credentials.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ZendeskSettings(baseUrl.get(), credentials.get(), perMinute));
    }
}
