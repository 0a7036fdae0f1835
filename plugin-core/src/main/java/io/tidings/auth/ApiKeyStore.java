package io.tidings.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys in the database, found by the hash of their secret. */
@ApplicationScoped
public class ApiKeyStore {

    private static final String COLUMNS = "id, name, role, prefix, created_at, revoked_at";
    private static final RowMapper<ApiKey> ROW = (rs, ctx) -> new ApiKey(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            Role.fromWireName(rs.getString("role")),
            rs.getString("prefix"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null));

    private final Jdbi jdbi;

    @Inject
    public ApiKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(ApiKey key, String secretHash) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "insert into api_key (id, name, role, prefix, key_hash, created_at) "
                                + "values (:id, :name, :role, :prefix, :hash, :createdAt)")
                .bind("id", key.id())
                .bind("name", key.name())
                .bind("role", key.role().wireName())
                .bind("prefix", key.prefix())
                .bind("hash", secretHash)
                .bind("createdAt", key.createdAt().atOffset(ZoneOffset.UTC))
                .execute());
    }

    /** The key with this secret hash, revoked or not. */
    public Optional<ApiKey> findByHash(String secretHash) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from api_key where key_hash = :hash")
                .bind("hash", secretHash)
                .map(ROW)
                .findOne());
    }

    public Optional<ApiKey> find(UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from api_key where id = :id")
                .bind("id", id)
                .map(ROW)
                .findOne());
    }

    public List<ApiKey> list() {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from api_key order by created_at, id")
                .map(ROW)
                .list());
    }

    /** Marks the key revoked unless it already is; true when it exists. */
    public boolean revoke(UUID id, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "update api_key set revoked_at = coalesce(revoked_at, :at) where id = :id")
                .bind("id", id)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute() > 0);
    }
}
