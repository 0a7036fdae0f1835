package io.tidings.auth;

import io.tidings.error.ResourceNotFoundException;
import io.tidings.persistence.UuidV7;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issues, recognises and revokes API keys. */
@ApplicationScoped
public class ApiKeys {

    private static final System.Logger LOG = System.getLogger(ApiKeys.class.getName());

    private final ApiKeyStore store;
    private final Clock clock;

    @Inject
    public ApiKeys(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new key; the secret is returned here once and never again. */
    public IssuedApiKey issue(String name, Role role) {
        return issue(name, role, ApiKeySecret.generate());
    }

    /** The active key whose secret this is. */
    public Optional<ApiKey> authenticate(ApiKeySecret secret) {
        return store.findByHash(secret.hash()).filter(key -> !key.revoked());
    }

    public List<ApiKey> list() {
        return store.list();
    }

    public void revoke(UUID id) {
        if (!store.revoke(id, clock.instant())) {
            throw new ResourceNotFoundException("There is no API key " + id + ".");
        }
    }

    /**
     * Stores the configured admin key the first time it is seen. A key an admin has revoked stays
     * revoked even while the configuration still names it.
     */
    public void bootstrapAdmin(ApiKeySecret configured) {
        if (configured.value().length() < ApiKeySecret.MINIMUM_LENGTH) {
            throw new IllegalArgumentException("tidings.admin-key must be at least " + ApiKeySecret.MINIMUM_LENGTH
                    + " characters long");
        }
        Optional<ApiKey> known = store.findByHash(configured.hash());
        if (known.isEmpty()) {
            issue("bootstrap admin (tidings.admin-key)", Role.ADMIN, configured);
            LOG.log(System.Logger.Level.INFO, "Stored the admin key from tidings.admin-key");
        } else if (known.get().revoked()) {
            LOG.log(System.Logger.Level.WARNING, "tidings.admin-key names a key that was revoked; it stays revoked");
        }
    }

    private IssuedApiKey issue(String name, Role role, ApiKeySecret secret) {
        ApiKey key = new ApiKey(UuidV7.next(clock), name, role, secret.shownPrefix(), clock.instant(), null);
        store.insert(key, secret.hash());
        return new IssuedApiKey(key, secret);
    }
}
