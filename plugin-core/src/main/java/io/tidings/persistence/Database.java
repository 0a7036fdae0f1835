package io.tidings.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The Tidings database: a connection pool on a schema that Flyway has brought up to date. */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Optional<H2Housekeeping> housekeeping;

    private Database(HikariDataSource dataSource, Optional<H2Housekeeping> housekeeping) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.housekeeping = housekeeping;
    }

    /**
     * Opens the pool and applies pending migrations before anything else may use it; on an
     * embedded H2 file that stores each commit at once, also starts {@link H2Housekeeping}.
     */
    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("tidings");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new Database(dataSource, H2Housekeeping.startIfNeeded(dataSource));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        } catch (SQLException e) {
            dataSource.close();
            throw new IllegalStateException("cannot reach the database at " + settings.url(), e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** True when the database answers within the timeout. */
    public boolean answers(int timeoutSeconds) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        housekeeping.ifPresent(H2Housekeeping::close);
        dataSource.close();
    }
}
