package io.tidings.persistence;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class H2HousekeepingTest {

    private static final String FILE_SETTINGS = ";WRITE_DELAY=0;RETENTION_TIME=1000";

    @TempDir
    Path directory;

    @Test
    void rewritesTheChunksThatSingleCommitsLeaveSparseThenStops() throws Exception {
        JdbcDataSource dataSource = dataSource("jdbc:h2:file:" + directory.resolve("db") + FILE_SETTINGS);
        try (Connection connection = dataSource.getConnection()) {
            writeRowsOneCommitEach(connection, 3_000);
            MVStore store = storeOf(connection);
            long grownTo = store.getFileStore().size();
            assertThat(store.getFileStore().getChunksFillRate())
                    .as("H2 alone leaves chunks sparse: each commit rewrites one leaf of the random-key index")
                    .isLessThan(10);

            try (H2Housekeeping housekeeping = H2Housekeeping.startIfNeeded(dataSource).orElseThrow()) {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (store.getFileStore().getChunksFillRate() < H2Housekeeping.TARGET_FILL_PERCENT
                        && System.nanoTime() < deadline) {
                    housekeeping.step();
                    Thread.sleep(10);
                }
                assertThat(store.getFileStore().getChunksFillRate()).isGreaterThanOrEqualTo(H2Housekeeping.TARGET_FILL_PERCENT);
                assertThat(store.getFileStore().size()).as("the file once its freed space is reused or cut off")
                        .isLessThan(grownTo / 3);

                long version = store.getCurrentVersion();
                for (int i = 0; i < 20; i++) {
                    housekeeping.step();
                }
                assertThat(store.getCurrentVersion()).as("nothing left to gain: no more writes").isEqualTo(version);
            }
            assertThat(rowCount(connection)).isEqualTo(3_000);
        }
    }

    @Test
    void leavesDatabasesAloneThatNeedNoHousekeeping() throws SQLException {
        assertThat(startOn("jdbc:h2:mem:" + UUID.randomUUID())).as("in memory").isEmpty();
        assertThat(startOn("jdbc:h2:file:" + directory.resolve("delayed") + ";WRITE_DELAY=500"))
                .as("H2's own background writer keeps the file").isEmpty();
    }

    private Optional<H2Housekeeping> startOn(String url) throws SQLException {
        JdbcDataSource dataSource = dataSource(url);
        try (Connection keepOpen = dataSource.getConnection()) {
            return H2Housekeeping.startIfNeeded(dataSource);
        }
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }

    private static void writeRowsOneCommitEach(Connection connection, int rows) throws SQLException {
        connection.createStatement().execute("create table note (id uuid primary key, body varchar(200))");
        try (PreparedStatement insert = connection.prepareStatement("insert into note values (?, ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "x".repeat(200));
                insert.executeUpdate();
            }
        }
    }

    private static long rowCount(Connection connection) throws SQLException {
        var result = connection.createStatement().executeQuery("select count(*) from note");
        result.next();
        return result.getLong(1);
    }

    private static MVStore storeOf(Connection connection) throws SQLException {
        return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
    }
}
