package io.tidings.webhooks.outbound;

import io.tidings.error.InvalidInputException;
import io.tidings.error.ResourceNotFoundException;
import io.tidings.persistence.Database;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What webhook subscriptions must do on every supported database. */
abstract class WebhookEndpointsContract {

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30.123456789Z"));
    private Database database;
    private WebhookEndpointStore store;
    private WebhookEndpoints endpoints;

    WebhookEndpointsContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
        store = new WebhookEndpointStore(database.jdbi());
        endpoints = new WebhookEndpoints(store, new EndpointAddressPolicy(false), clock);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void createdEndpointsReadBackExactlyWithTheirSecret() {
        CreatedEndpoint created = endpoints.create("https://8.8.8.8/hooks", " CRM bridge ",
                Set.of(WebhookEventType.CONSENT_CHANGED, WebhookEventType.INCIDENT_UPDATED));

        assertThat(endpoints.get(created.endpoint().id())).isEqualTo(created.endpoint());
        assertThat(created.endpoint().description()).isEqualTo("CRM bridge");
        assertThat(created.endpoint().createdAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123456Z"));
        assertThat(store.secret(created.endpoint().id())).hasValue(created.secret());
        assertThat(created.secret().toString()).doesNotContain(created.secret().value());
    }

    @Test
    void listsEveryEndpointOldestFirstEachWithItsOwnTypes() {
        WebhookEndpoint first = endpoints.create("https://8.8.8.8/a", null, Set.of(WebhookEventType.CONSENT_CHANGED)).endpoint();
        clock.advance(Duration.ofSeconds(1));
        WebhookEndpoint second = endpoints.create("https://8.8.4.4/b", null,
                Set.of(WebhookEventType.PREFERENCES_CHANGED)).endpoint();

        assertThat(endpoints.list()).containsExactly(first, second);
    }

    @Test
    void changesOnlyWhatIsAskedAndKeepsTheSecret() {
        CreatedEndpoint created = endpoints.create("https://8.8.8.8/a", "note", Set.of(WebhookEventType.CONSENT_CHANGED));
        clock.advance(Duration.ofMinutes(1));

        WebhookEndpoint changed = endpoints.change(created.endpoint().id(), new EndpointChange(null, null,
                Set.of(WebhookEventType.NOTIFICATION_STATUS_CHANGED), false));

        assertThat(changed.url()).isEqualTo(URI.create("https://8.8.8.8/a"));
        assertThat(changed.description()).isEqualTo("note");
        assertThat(changed.eventTypes()).containsExactly(WebhookEventType.NOTIFICATION_STATUS_CHANGED);
        assertThat(changed.enabled()).isFalse();
        assertThat(endpoints.get(changed.id())).isEqualTo(changed);
        assertThat(store.secret(changed.id())).hasValue(created.secret());
    }

    @Test
    void refusesPrivateUrlsOnCreateAndOnChange() {
        WebhookEndpoint endpoint = endpoints.create("https://8.8.8.8/a", null, Set.of(WebhookEventType.CONSENT_CHANGED)).endpoint();

        assertThatThrownBy(() -> endpoints.create("http://192.168.0.1/", null, Set.of(WebhookEventType.CONSENT_CHANGED)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> endpoints.change(endpoint.id(), new EndpointChange("http://127.0.0.1/", null, null, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(endpoints.list()).containsExactly(endpoint);
    }

    @Test
    void deletedEndpointsAreGone() {
        WebhookEndpoint endpoint = endpoints.create("https://8.8.8.8/a", null, Set.of(WebhookEventType.CONSENT_CHANGED)).endpoint();

        endpoints.delete(endpoint.id());

        assertThatThrownBy(() -> endpoints.get(endpoint.id())).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> endpoints.delete(endpoint.id())).isInstanceOf(ResourceNotFoundException.class);
        long eventTypeRows = database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from webhook_endpoint_event").mapTo(Long.class).one());
        assertThat(eventTypeRows).isZero();
    }
}
