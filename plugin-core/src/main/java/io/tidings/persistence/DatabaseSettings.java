package io.tidings.persistence;

import java.util.Objects;

/**
 * Where the database is and how many connections Tidings may hold to it.
 *
 * @param url      JDBC URL; H2 (embedded) or PostgreSQL
 * @param user     database user
 * @param password database password; never printed
 * @param poolSize largest number of pooled connections
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("tidings.db.url must be an H2 or PostgreSQL JDBC URL, not " + url);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("tidings.db.pool-size must be at least 1");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
