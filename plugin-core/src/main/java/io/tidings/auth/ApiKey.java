package io.tidings.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An API key as Tidings stores it: never the secret itself, only enough to recognise it.
 *
 * @param prefix the first characters of the secret, shown to admins to tell keys apart
 */
public record ApiKey(UUID id, String name, Role role, String prefix, Instant createdAt, Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
