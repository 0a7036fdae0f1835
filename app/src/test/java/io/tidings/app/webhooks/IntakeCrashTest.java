package io.tidings.app.webhooks;

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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.tidings.app.webhooks.ZendeskSigning.now;
import static io.tidings.app.webhooks.ZendeskSigning.signature;
import static io.tidings.app.webhooks.ZendeskSigning.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 under load: every delivery the server acknowledged before it died is in the inbox
 * afterwards, exactly once. Runs the real server in its own JVM on a file database.
 */
class IntakeCrashTest {

    private static final String SECRET = "crash-test-signing-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedDeliverySurvivesAKill() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = defaultDatabaseUrl().replace("./data/tidings", data.resolve("tidings").toString());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.tidings.app.Main", "serve")
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("TIDINGS_DB_URL", url);
        builder.environment().put("TIDINGS_ZENDESK_WEBHOOK_SECRET", SECRET);
        builder.environment().put("TIDINGS_INBOX_POLL_INTERVAL", "PT0S");
        Process server = builder.start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try {
            URI webhook = URI.create("http://127.0.0.1:" + port + "/webhooks/zendesk");
            awaitReady(URI.create("http://127.0.0.1:" + port + "/health/ready"), server);

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
            server.destroyForcibly();
        }

        assertThat(url).contains(data.toString());
        assertThat(acknowledged).as("the server acknowledged deliveries before it was killed").hasSizeGreaterThan(10);
        Set<String> stored = new HashSet<>();
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select source_event_id from inbox")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
                stored.add(rs.getString(1));
            }
        }
        assertThat(rows).as("no delivery stored twice").hasSameSizeAs(stored);
        assertThat(stored).as("every acknowledged delivery is stored").containsAll(acknowledged);
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

    private void awaitReady(URI ready, Process server) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive()).as("server log: " + data.resolve("server.log")).isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not become ready; see " + data.resolve("server.log"));
    }
}
