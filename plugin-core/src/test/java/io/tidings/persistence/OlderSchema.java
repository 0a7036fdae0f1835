package io.tidings.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tidings.testing.TestDatabase;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * A new test database migrated only up to an older version, for tests that store rows as that
 * version did and then upgrade. Its pool stays open throughout, as the server's is: H2 ties a
 * check constraint to the session that created it.
 */
final class OlderSchema implements AutoCloseable {

    private final String url;
    private final String user;
    private final HikariDataSource pool;

    private OlderSchema(TestDatabase target, String version) {
        url = target.newDatabaseUrl();
        user = target.user();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        pool = new HikariDataSource(config);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").target(version).load().migrate();
    }

    static OlderSchema at(TestDatabase target, String version) {
        return new OlderSchema(target, version);
    }

    DataSource dataSource() {
        return pool;
    }

    /** Opens the database as the server does, which applies the remaining migrations. */
    Database upgrade() {
        return Database.open(new DatabaseSettings(url, user, "", 2));
    }

    @Override
    public void close() {
        pool.close();
    }
}
