package io.tidings.auth;

import io.tidings.error.ResourceNotFoundException;
import io.tidings.persistence.Database;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What API-key persistence must do on every supported database. */
abstract class ApiKeysContract {

    private final TestDatabase target;
    private Database database;
    private ApiKeys apiKeys;

    ApiKeysContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
        apiKeys = new ApiKeys(new ApiKeyStore(database.jdbi()), new MutableClock(Instant.parse("2026-11-22T08:00:00Z")));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void anIssuedKeyAuthenticatesWithItsRoleUntilRevoked() {
        IssuedApiKey issued = apiKeys.issue("crm sync", Role.INTEGRATOR);

        assertThat(apiKeys.authenticate(issued.secret())).get().extracting(ApiKey::role).isEqualTo(Role.INTEGRATOR);
        assertThat(apiKeys.authenticate(new ApiKeySecret(issued.secret().value() + "x"))).isEmpty();

        apiKeys.revoke(issued.key().id());
        apiKeys.revoke(issued.key().id());

        assertThat(apiKeys.authenticate(issued.secret())).isEmpty();
        assertThat(apiKeys.list()).singleElement().extracting(ApiKey::revoked).isEqualTo(true);
    }

    @Test
    void theDatabaseNeverHoldsTheSecret() {
        IssuedApiKey issued = apiKeys.issue("agent desk", Role.AGENT);

        String stored = database.jdbi().withHandle(handle ->
                handle.createQuery("select key_hash from api_key").mapTo(String.class).one());

        assertThat(stored).isEqualTo(issued.secret().hash()).doesNotContain(issued.secret().value());
        assertThat(issued.key().prefix()).isEqualTo(issued.secret().value().substring(0, 10));
    }

    @Test
    void theConfiguredAdminKeyIsStoredOnceAndARevocationSticks() {
        ApiKeySecret configured = new ApiKeySecret("configured-admin-key-0123456789");

        apiKeys.bootstrapAdmin(configured);
        apiKeys.bootstrapAdmin(configured);

        assertThat(apiKeys.list()).singleElement().extracting(ApiKey::role).isEqualTo(Role.ADMIN);
        apiKeys.revoke(apiKeys.list().getFirst().id());
        apiKeys.bootstrapAdmin(configured);
        assertThat(apiKeys.authenticate(configured)).isEmpty();
    }

    @Test
    void aShortConfiguredAdminKeyIsRefused() {
        assertThatThrownBy(() -> apiKeys.bootstrapAdmin(new ApiKeySecret("short")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tidings.admin-key");
        assertThat(apiKeys.list()).isEmpty();
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        assertThatThrownBy(() -> apiKeys.revoke(UUID.randomUUID())).isInstanceOf(ResourceNotFoundException.class);
    }
}
