package io.tidings.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.Jdbi;

/** Opens the configured database once per server and closes it at shutdown. */
@ApplicationScoped
class DatabaseProducer {

    @Produces
    @ApplicationScoped
    Database database(@ConfigProperty(name = "tidings.db.url") String url,
                      @ConfigProperty(name = "tidings.db.user", defaultValue = "") String user,
                      @ConfigProperty(name = "tidings.db.password", defaultValue = "") String password,
                      @ConfigProperty(name = "tidings.db.pool-size", defaultValue = "10") int poolSize) {
        return Database.open(new DatabaseSettings(url, user, password, poolSize));
    }

    @Produces
    Jdbi jdbi(Database database) {
        return database.jdbi();
    }

    void close(@Disposes Database database) {
        database.close();
    }
}
