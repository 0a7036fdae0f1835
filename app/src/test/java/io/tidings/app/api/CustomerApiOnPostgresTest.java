package io.tidings.app.api;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.helidon.config.mp.MpConfigSources;
import io.tidings.testing.EmbeddedPostgresServer;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;

/** The same API contract with the server on a real PostgreSQL. */
@HelidonTest
class CustomerApiOnPostgresTest extends CustomerApiContract {

    @AddConfigSource
    static ConfigSource postgres() {
        return MpConfigSources.create(Map.of(
                "tidings.db.url", EmbeddedPostgresServer.newDatabaseUrl(),
                "tidings.db.user", "postgres",
                "tidings.admin-key", TidingsApi.ADMIN_KEY));
    }
}
