package io.tidings.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.tidings.client.ApiClient;
import io.tidings.client.ApiException;
import io.tidings.client.api.CustomersApi;
import io.tidings.client.api.InAppApi;
import io.tidings.client.model.CustomerInput;
import io.tidings.client.model.InAppMessage;
import io.tidings.client.model.InAppMessagePage;
import io.tidings.decision.EventKind;
import io.tidings.dispatch.Outbox;
import io.tidings.dispatch.OutboxEntry;
import io.tidings.dispatch.OutboxRecord;
import io.tidings.dispatch.OutboxStatus;
import io.tidings.http.JsonMapping;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * In-app messages end to end: the dispatch worker sends through the {@code in-app} provider, the
 * API lists and marks them, and a real HTTP client reads them off the server-sent-event stream.
 */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:in-app-api" + TidingsApi.H2_MODE)
@AddConfig(key = "tidings.admin-key", value = TidingsApi.ADMIN_KEY)
@AddConfig(key = "tidings.providers.in-app", value = "in-app")
@AddConfig(key = "tidings.dispatch.poll-interval", value = "PT0.1S")
class InAppApiTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    WebTarget server;
    @Inject
    Outbox outbox;

    private InAppApi inApp;
    private UUID customer;

    @BeforeEach
    void createCustomer() throws ApiException {
        ApiClient client = TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY);
        inApp = new InAppApi(client);
        customer = new CustomersApi(client).createCustomer(new CustomerInput().locale("en")).getId();
    }

    @Test
    void aMessageStoredAfterConnectingArrivesAndLastEventIdReplaysWhatWasMissed() throws Exception {
        Events first = connect(null);
        send("sse-1", "4711");
        Map<String, String> event = first.next();
        first.close();

        assertThat(event.get("event")).isEqualTo("message");
        JsonNode data = JsonMapping.MAPPER.readTree(event.get("data"));
        assertThat(data.path("title").asText()).isEqualTo("Ticket 4711: solved");
        assertThat(data.path("body").asText()).startsWith("Your ticket 4711 is now solved.");
        assertThat(data.path("category").asText()).isEqualTo("SERVICE_UPDATE");
        assertThat(event.get("id")).isEqualTo(data.path("id").asText())
                .isEqualTo(inApp.listInAppMessages(customer, null, null, null).getItems().getFirst().getId().toString());

        send("sse-2", "4712");
        send("sse-3", "4713");

        Events resumed = connect(event.get("id"));
        assertThat(JsonMapping.MAPPER.readTree(resumed.next().get("data")).path("title").asText())
                .isEqualTo("Ticket 4712: solved");
        assertThat(JsonMapping.MAPPER.readTree(resumed.next().get("data")).path("title").asText())
                .isEqualTo("Ticket 4713: solved");
        send("sse-4", "4714");
        assertThat(JsonMapping.MAPPER.readTree(resumed.next().get("data")).path("title").asText())
                .isEqualTo("Ticket 4714: solved");
        resumed.close();
    }

    @Test
    void messagesAreListedNewestFirstPageByPageAndCanBeMarkedRead() throws Exception {
        for (int i = 1; i <= 3; i++) {
            send("list-" + i, "50" + i);
        }

        InAppMessagePage firstPage = inApp.listInAppMessages(customer, 2, null, null);
        assertThat(firstPage.getItems()).extracting(InAppMessage::getTitle)
                .containsExactly("Ticket 503: solved", "Ticket 502: solved");
        InAppMessagePage secondPage = inApp.listInAppMessages(customer, 2, firstPage.getNextCursor(), null);
        assertThat(secondPage.getItems()).extracting(InAppMessage::getTitle).containsExactly("Ticket 501: solved");
        assertThat(secondPage.getNextCursor()).isNull();

        InAppMessage read = inApp.markInAppMessageRead(customer, firstPage.getItems().getFirst().getId());
        assertThat(read.getReadAt()).isNotNull();
        assertThat(inApp.markInAppMessageRead(customer, read.getId()).getReadAt()).isEqualTo(read.getReadAt());
        assertThat(inApp.listInAppMessages(customer, null, null, true).getItems()).extracting(InAppMessage::getTitle)
                .containsExactly("Ticket 502: solved", "Ticket 501: solved");
        assertThatThrownBy(() -> inApp.markInAppMessageRead(customer, UUID.randomUUID()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void theStreamOfAnErasedCustomerEnds() throws Exception {
        Events stream = connect(null);

        new CustomersApi(TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY)).deleteCustomer(customer);

        stream.awaitEnd();
    }

    @Test
    void theStreamOfAnUnknownCustomerIsNotFoundAndNeedsAKey() throws Exception {
        URI stream = server.getUri().resolve("/api/v1/customers/" + UUID.randomUUID() + "/in-app/stream");

        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + TidingsApi.ADMIN_KEY).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(stream).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private void send(String key, String ticketId) throws InterruptedException {
        outbox.enqueue(new OutboxEntry(UUID.randomUUID(), null, customer, EventKind.TICKET_STATUS_CHANGED,
                Category.SERVICE_UPDATE, Channel.IN_APP, Map.of("ticketId", ticketId, "status", "solved"), key,
                Instant.now()));
        for (int i = 0; i < 100; i++) {
            OutboxRecord record = outbox.findByIdempotencyKey(key).orElseThrow();
            if (record.status() == OutboxStatus.SENT) {
                return;
            }
            assertThat(record.status()).isIn(OutboxStatus.QUEUED, OutboxStatus.SENDING);
            Thread.sleep(100);
        }
        throw new AssertionError("the in-app send " + key + " was not carried out within 10 s");
    }

    private Events connect(String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getUri()
                        .resolve("/api/v1/customers/" + customer + "/in-app/stream"))
                .header("Authorization", "Bearer " + TidingsApi.ADMIN_KEY)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        return new Events(response.body());
    }

    /** The events of one open stream, read line by line on a thread of their own. */
    private static final class Events implements AutoCloseable {

        /** Stands for the end of the stream in the queue of lines; compared by identity. */
        private static final String END = new String("end of stream");

        private final Stream<String> lines;
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        Events(Stream<String> lines) {
            this.lines = lines;
            Iterator<String> reader = lines.iterator();
            Thread.ofVirtual().start(() -> {
                try {
                    reader.forEachRemaining(received::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
                received.add(END);
            });
        }

        /** Waits for the server to end the stream: idle streams are checked every 15 s or so. */
        void awaitEnd() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (System.nanoTime() < deadline) {
                if (received.poll(1, TimeUnit.SECONDS) == END) {
                    return;
                }
            }
            throw new AssertionError("the stream did not end within 40 s");
        }

        /** The next event's fields (comments skipped), waiting up to 10 s for it. */
        Map<String, String> next() throws InterruptedException {
            Map<String, String> fields = new HashMap<>();
            while (true) {
                String line = received.poll(10, TimeUnit.SECONDS);
                if (line == null || line == END) {
                    throw new AssertionError("no event within 10 s");
                }
                if (line.isEmpty() && !fields.isEmpty()) {
                    return fields;
                }
                if (!line.isEmpty() && !line.startsWith(":")) {
                    String[] field = line.split(":", 2);
                    fields.merge(field[0], field.length > 1 ? field[1].stripLeading() : "", (a, b) -> a + "\n" + b);
                }
            }
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
