package io.tidings.zendesk.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/**
 * The configured Zendesk account, if any: one client (and so one rate-limit pacer) shared by
 * everything in this replica that talks to Zendesk.
 */
@ApplicationScoped
public class ZendeskAccount {

    private final Optional<ZendeskClient> client;

    @Inject
    public ZendeskAccount(Config config) {
        this(ZendeskSettings.from(config).map(settings -> new ZendeskClient(ZendeskHttp.of(settings))));
    }

    public ZendeskAccount(Optional<ZendeskClient> client) {
        this.client = client;
    }

    /** The client, or empty when no account is configured. */
    public Optional<ZendeskClient> client() {
        return client;
    }
}
