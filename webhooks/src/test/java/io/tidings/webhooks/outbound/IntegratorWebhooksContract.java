package io.tidings.webhooks.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.consent.ChannelScope;
import io.tidings.consent.ConsentBasis;
import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentSource;
import io.tidings.consent.ConsentStatement;
import io.tidings.consent.ConsentStatus;
import io.tidings.consent.Evidence;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.customer.ExternalRefs;
import io.tidings.event.DomainEvents;
import io.tidings.http.JsonMapping;
import io.tidings.ledger.ConsentLedger;
import io.tidings.ledger.ConsentLedgerStore;
import io.tidings.persistence.Database;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.preference.CustomerPreferences;
import io.tidings.preference.PreferenceStore;
import io.tidings.preference.QuietHours;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Consent and preference changes queue integrator webhooks in their own transaction, on every supported database. */
abstract class IntegratorWebhooksContract {

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private Database database;
    private CustomerStore customers;
    private ConsentLedger ledger;
    private CustomerPreferences preferences;
    private UUID customer;

    IntegratorWebhooksContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void open() {
        database = target.open();
        customers = new CustomerStore(database.jdbi());
        WebhookEndpointStore endpointStore = new WebhookEndpointStore(database.jdbi());
        EndpointAddressPolicy permissive = new EndpointAddressPolicy(true);
        new WebhookEndpoints(endpointStore, permissive, clock).create("http://127.0.0.1:9/hooks", null,
                Set.of(WebhookEventType.CONSENT_CHANGED, WebhookEventType.PREFERENCES_CHANGED));
        DomainEvents events = new DomainEvents(List.of(new IntegratorWebhooks(
                new WebhookPublisher(new WebhookMessageStore(database.jdbi(), clock), clock))));
        ledger = new ConsentLedger(customers, new ConsentLedgerStore(database.jdbi()), events);
        preferences = new CustomerPreferences(customers, new PreferenceStore(database.jdbi()), events, clock);
        customer = new Customers(customers, clock).create(new CustomerProfile(ExternalRefs.NONE, "amara@example.com",
                null, null, ZoneOffset.UTC, null, null, null)).id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aConsentAppendQueuesConsentChangedWithoutEvidence() {
        ledger.record(customer, revocation(ChannelScope.of(Channel.SMS)));

        JsonNode message = onlyMessage("consent.changed");

        assertThat(message.at("/data/customerId").asText()).isEqualTo(customer.toString());
        assertThat(message.at("/data/status").asText()).isEqualTo("REVOKED");
        assertThat(message.at("/data/source").asText()).isEqualTo("SMS_KEYWORD");
        assertThat(message.at("/data/allChannels").asBoolean()).isFalse();
        assertThat(message.at("/data").has("type")).as("the type is the envelope's, not the data's").isFalse();
        assertThat(message.toString()).doesNotContain("203.0.113.7");
    }

    @Test
    void aRolledBackAppendQueuesNothing() {
        assertThatThrownBy(() -> customers.inTransaction(handle -> {
            customers.lock(handle, customer);
            ledger.append(handle, customer, revocation(ChannelScope.all()));
            throw new IllegalStateException("the rest of the unit of work fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(messages()).isEmpty();
        assertThat(ledger.records(customer)).isEmpty();
    }

    @Test
    void aPreferenceChangeQueuesWhatChangedAndANoOpChangeQueuesNothing() {
        preferences.change(customer, set -> set, new CustomerPreferences.ChangedBy("admin", null));
        clock.advance(Duration.ofSeconds(1));
        preferences.change(customer, set -> set, new CustomerPreferences.ChangedBy("admin", null));
        clock.advance(Duration.ofSeconds(1));
        preferences.change(customer, set -> io.tidings.preference.PreferenceSet.builder()
                .choose(Category.PROMOTIONAL, Channel.SMS, false)
                .quietHours(Channel.SMS, QuietHours.of("21:00", "08:00")).build(),
                new CustomerPreferences.ChangedBy("admin", "T-1"));

        List<JsonNode> changes = messages();

        assertThat(changes).extracting(m -> m.at("/data/version").asInt()).containsExactly(1, 2);
        assertThat(changes.getFirst().at("/data/changes")).isEmpty();
        assertThat(changes.get(1).at("/data/changes").toString()).isEqualTo("["
                + "{\"setting\":\"choice\",\"category\":\"PROMOTIONAL\",\"channel\":\"SMS\",\"after\":\"false\"},"
                + "{\"setting\":\"quietHours\",\"channel\":\"SMS\",\"after\":\"21:00-08:00\"}]");
    }

    private static ConsentStatement revocation(ChannelScope scope) {
        Instant at = Instant.parse("2026-11-22T09:00:00Z");
        return new ConsentStatement(ConsentPurpose.MARKETING, ConsentStatus.REVOKED, ConsentBasis.EXPLICIT, scope, at, at,
                null, ConsentSource.SMS_KEYWORD, new Evidence(null, null, "203.0.113.7", null, null, null));
    }

    private JsonNode onlyMessage(String type) {
        List<JsonNode> messages = messages();
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.get("type").asText()).isEqualTo(type));
        return messages.getFirst();
    }

    private List<JsonNode> messages() {
        return database.jdbi().withHandle(handle -> handle.createQuery("select payload from webhook_message "
                        + "order by created_at, id").mapTo(String.class).list()).stream()
                .map(payload -> {
                    try {
                        return JsonMapping.MAPPER.readTree(payload);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
    }
}
