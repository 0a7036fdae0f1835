package io.tidings.app.webhooks;

import io.tidings.app.api.TidingsApi;
import io.tidings.client.api.CustomersApi;
import io.tidings.client.model.CustomerInput;
import io.tidings.client.model.ExternalRefs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static io.tidings.app.webhooks.ZendeskSigning.now;
import static io.tidings.app.webhooks.ZendeskSigning.signature;
import static io.tidings.app.webhooks.ZendeskSigning.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 under load, then restart: every delivery the server acknowledged before it died is in
 * the inbox exactly once, and after the restart each is processed, its sends queued once. Runs the
 * real server in its own JVM on a file database (H2's automatic mixed mode lets the test read it
 * while the server runs). The inbox worker runs throughout, so at the kill some entries are
 * worked, some are leased to the dying worker (stored and handed over, or claimed) and some wait.
 */
class IntakeCrashTest {

    private static final String SECRET = "crash-test-signing-secret";
    private static final String REQUESTER = "20978392";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path data;
    private int port;
    private String url;

    @Test
    void everyAcknowledgedDeliveryIsProcessedExactlyOnceAfterAKillAndARestart() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        url = defaultDatabaseUrl().replace("./data/tidings", data.resolve("tidings").toString()) + ";AUTO_SERVER=TRUE";
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Process server = start("first");
        try {
            new CustomersApi(TidingsApi.client(URI.create("http://127.0.0.1:" + port), TidingsApi.ADMIN_KEY))
                    .createCustomer(new CustomerInput().email("crash-test@example.com")
                            .externalRefs(new ExternalRefs().zendeskUserId(REQUESTER)));
            URI webhook = URI.create("http://127.0.0.1:" + port + "/webhooks/zendesk");
            AtomicBoolean sending = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int i = 0; i < 8; i++) {
                clients.submit(() -> {
                    while (sending.get()) {
                        String id = UUID.randomUUID().toString();
                        if (post(webhook, id)) {
                            acknowledged.add(id);
                        }
                    }
                });
            }
            Thread.sleep(3000);
            server.destroyForcibly().waitFor();
            sending.set(false);
            clients.shutdown();
            clients.awaitTermination(10, TimeUnit.SECONDS);
        } finally {
            server.destroyForcibly().waitFor();
        }

        assertThat(url).contains(data.toString());
        assertThat(acknowledged).as("the server acknowledged deliveries before it was killed").hasSizeGreaterThan(10);
        List<String> stored = query("select source_event_id from inbox");
        assertThat(stored).as("no delivery stored twice").doesNotHaveDuplicates();
        assertThat(stored).as("every acknowledged delivery is stored").containsAll(acknowledged);
        long pendingAtTheKill = count("select count(*) from inbox where status = 'PENDING'");

        Process restarted = start("restarted");
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (count("select count(*) from inbox where status = 'PENDING'") > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            assertThat(query("select status from inbox")).as("all worked after the restart (%d were pending at the kill)",
                    pendingAtTheKill).containsOnly("PROCESSED");
            List<String> keys = query("select idempotency_key from outbox");
            Map<String, Long> sendsPerEntry = keys.stream().collect(Collectors.groupingBy(
                    key -> key.substring(0, key.lastIndexOf(':')), Collectors.counting()));
            assertThat(sendsPerEntry).as("every entry queued its sends").hasSameSizeAs(stored);
            assertThat(Set.copyOf(sendsPerEntry.values())).as("and each entry the same sends, once").hasSize(1);
            assertThat(keys).doesNotHaveDuplicates();
        } finally {
            restarted.destroy();
            restarted.waitFor(20, TimeUnit.SECONDS);
            restarted.destroyForcibly();
        }
    }

    /** The server in its own JVM, its worker polling every 200 ms and leasing entries for 3 s. */
    private Process start(String name) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.tidings.app.Main", "serve")
                .redirectErrorStream(true)
                .redirectOutput(data.resolve(name + "-server.log").toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("TIDINGS_DB_URL", url);
        builder.environment().put("TIDINGS_ADMIN_KEY", TidingsApi.ADMIN_KEY);
        builder.environment().put("TIDINGS_ZENDESK_WEBHOOK_SECRET", SECRET);
        builder.environment().put("TIDINGS_INBOX_POLL_INTERVAL", "PT0.2S");
        builder.environment().put("TIDINGS_INBOX_LEASE", "PT3S");
        Process server = builder.start();
        awaitReady(URI.create("http://127.0.0.1:" + port + "/health/ready"), server, name);
        return server;
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(query(sql).getFirst());
    }

    /** The H2 URL the server uses when none is configured, so the test proves the default durable. */
    private static String defaultDatabaseUrl() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = IntakeCrashTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        return defaults.getProperty("tidings.db.url");
    }

    private static boolean post(URI webhook, String id) {
        String body = statusChanged(id, "2026-11-22T09:00:00Z");
        String timestamp = now();
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(webhook)
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header("X-Zendesk-Webhook-Signature", signature(SECRET, timestamp, body))
                    .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitReady(URI ready, Process server, String name) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive()).as("server log: " + data.resolve(name + "-server.log")).isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not become ready; see " + data.resolve(name + "-server.log"));
    }
}
