package io.tidings.webhooks.outbound;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.tidings.persistence.Database;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Publishing and delivering outbound webhooks to a real HTTP endpoint, on every supported database. */
abstract class WebhookDeliveryContract {

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.now());
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private Database database;
    private WebhookMessageStore messages;
    private WebhookDispatcher dispatcher;
    private WebhookPublisher publisher;
    private CreatedEndpoint endpoint;

    record Received(Map<String, List<String>> headers, String body) {
    }

    WebhookDeliveryContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Integer status = answers.poll();
            int answer = status == null ? 204 : status;
            if (answer == 429) {
                exchange.getResponseHeaders().add("Retry-After", "120");
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
        database = target.open();
        WebhookEndpointStore endpoints = new WebhookEndpointStore(database.jdbi());
        EndpointAddressPolicy permissive = new EndpointAddressPolicy(true);
        messages = new WebhookMessageStore(database.jdbi(), clock);
        dispatcher = new WebhookDispatcher(messages, endpoints, permissive, clock);
        publisher = new WebhookPublisher(messages, clock);
        endpoint = new WebhookEndpoints(endpoints, permissive, clock).create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/hooks", null, Set.of(WebhookEventType.CONSENT_CHANGED));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        database.close();
    }

    @Test
    void deliversASignedMessageToSubscribedEndpointsOnly() throws Exception {
        List<String> ids = publisher.publish(WebhookEventType.CONSENT_CHANGED, Map.of("customerId", "c-1"));
        publisher.publish(WebhookEventType.INCIDENT_UPDATED, Map.of("incidentId", "i-1"));

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        assertThat(received).singleElement().satisfies(delivery -> {
            assertThat(delivery.headers().get("Webhook-id")).containsExactly(ids.getFirst());
            assertThat(delivery.headers().get("Webhook-signature").getFirst()).startsWith("v1,");
            assertThat(delivery.body()).contains("\"type\":\"consent.changed\"").contains("\"data\":{\"customerId\":\"c-1\"}");
            Map<String, List<String>> lower = Map.of(
                    "webhook-id", delivery.headers().get("Webhook-id"),
                    "webhook-timestamp", delivery.headers().get("Webhook-timestamp"),
                    "webhook-signature", delivery.headers().get("Webhook-signature"));
            assertThatCode(() -> new Webhook(endpoint.secret().value()).verify(delivery.body(), lower)).doesNotThrowAnyException();
        });
        assertThat(status(ids.getFirst())).isEqualTo("DELIVERED");
        assertThat(attempts(ids.getFirst())).containsExactly(204);
    }

    @Test
    void retriesOnTheScheduleThenDeadLetters() {
        String id = publisher.publish(WebhookEventType.CONSENT_CHANGED, Map.of()).getFirst();
        for (int i = 0; i < RetrySchedule.MAX_ATTEMPTS; i++) {
            answers.add(500);
        }

        dispatcher.dispatchDue();
        assertThat(nextAttemptAt(id)).isEqualTo(clock.instant().plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        clock.advance(Duration.ofSeconds(4));
        assertThat(dispatcher.dispatchDue()).as("not due yet").isZero();
        for (int attempt = 2; attempt <= RetrySchedule.MAX_ATTEMPTS; attempt++) {
            clock.advance(Duration.ofHours(10).plusSeconds(1));
            assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        }

        assertThat(status(id)).isEqualTo("DEAD");
        assertThat(attempts(id)).hasSize(8).containsOnly(500);
        assertThat(messages.deadLetters(endpoint.endpoint().id())).singleElement()
                .satisfies(dead -> assertThat(dead.lastError()).isEqualTo("HTTP 500"));

        assertThat(messages.replay(endpoint.endpoint().id(), id)).isTrue();
        dispatcher.dispatchDue();
        assertThat(status(id)).isEqualTo("DELIVERED");
    }

    @Test
    void goneDisablesTheEndpoint() {
        String id = publisher.publish(WebhookEventType.CONSENT_CHANGED, Map.of()).getFirst();
        answers.add(410);

        dispatcher.dispatchDue();

        assertThat(status(id)).isEqualTo("DEAD");
        assertThat(new WebhookEndpointStore(database.jdbi()).find(endpoint.endpoint().id()).orElseThrow())
                .satisfies(stored -> {
                    assertThat(stored.enabled()).isFalse();
                    assertThat(stored.disabledReason()).contains("410");
                });
        assertThat(publisher.publish(WebhookEventType.CONSENT_CHANGED, Map.of())).as("nothing queued for it").isEmpty();
    }

    @Test
    void tooManyRequestsHoldsTheWholeEndpointBack() {
        String first = publisher.publish(WebhookEventType.CONSENT_CHANGED, Map.of()).getFirst();
        answers.add(429);
        dispatcher.dispatchDue();
        publisher.publish(WebhookEventType.CONSENT_CHANGED, Map.of());

        clock.advance(Duration.ofSeconds(60));
        assertThat(dispatcher.dispatchDue()).as("throttled for its Retry-After").isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(dispatcher.dispatchDue()).isEqualTo(2);

        assertThat(attempts(first)).containsExactly(429, 204);
    }

    @Test
    void replaysATimeRange() {
        String id = publisher.publish(WebhookEventType.CONSENT_CHANGED, Map.of()).getFirst();
        dispatcher.dispatchDue();

        int replayed = messages.replay(endpoint.endpoint().id(), clock.instant().minusSeconds(60), clock.instant().plusSeconds(1));
        dispatcher.dispatchDue();

        assertThat(replayed).isEqualTo(1);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).headers().get("Webhook-id")).containsExactly(id);
    }

    @Test
    void refusesToSendWhereThePolicyForbids() {
        WebhookDispatcher strict = new WebhookDispatcher(messages, new WebhookEndpointStore(database.jdbi()),
                new EndpointAddressPolicy(false), clock);
        String id = publisher.publish(WebhookEventType.CONSENT_CHANGED, Map.of()).getFirst();

        strict.dispatchDue();

        assertThat(received).isEmpty();
        assertThat(status(id)).isEqualTo("PENDING");
        String error = database.jdbi().withHandle(handle -> handle.createQuery("select error from webhook_attempt")
                .mapTo(String.class).one());
        assertThat(error).contains("not allowed");
    }

    private String status(String id) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select status from webhook_message where id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    private Instant nextAttemptAt(String id) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select next_attempt_at from webhook_message "
                + "where id = :id").bind("id", id).mapTo(OffsetDateTime.class).one()).toInstant();
    }

    private List<Integer> attempts(String id) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select status_code from webhook_attempt "
                + "where message_id = :id order by attempt").bind("id", id).mapTo(Integer.class).list());
    }
}
