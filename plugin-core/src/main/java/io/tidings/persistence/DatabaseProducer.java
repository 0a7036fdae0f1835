package io.tidings.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/** Opens the configured database once per server and closes it at shutdown. */
@ApplicationScoped
class DatabaseProducer {

    /** A singleton rather than application-scoped: Database is final and needs no proxy. */
    @Produces
    @Singleton
    Database database(@ConfigProperty(name = "tidings.db.url") String url,
                      @ConfigProperty(name = "tidings.db.user") Optional<String> user,
                      @ConfigProperty(name = "tidings.db.password") Optional<String> password,
                      @ConfigProperty(name = "tidings.db.pool-size", defaultValue = "10") int poolSize) {
        return Database.open(new DatabaseSettings(url, user.orElse(""), password.orElse(""), poolSize));
    }

    @Produces
    Jdbi jdbi(Database database) {
        return database.jdbi();
    }

    void close(@Disposes Database database) {
        database.close();
    }
}
