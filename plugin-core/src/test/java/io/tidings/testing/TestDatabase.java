package io.tidings.testing;

import io.tidings.persistence.Database;
import io.tidings.persistence.DatabaseSettings;

import java.util.UUID;

/** The two databases Tidings supports, each able to hand a test a fresh, migrated database. */
public enum TestDatabase {
    H2 {
        @Override
        public String newDatabaseUrl() {
            return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH";
        }
    },
    POSTGRESQL {
        @Override
        public String newDatabaseUrl() {
            return EmbeddedPostgresServer.newDatabaseUrl();
        }
    };

    public abstract String newDatabaseUrl();

    /** The user a test connects to its databases as, without a password. */
    public String user() {
        return this == H2 ? "sa" : "postgres";
    }

    public Database open() {
        return Database.open(new DatabaseSettings(newDatabaseUrl(), user(), "", 4));
    }
}
