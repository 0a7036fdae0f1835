package io.tidings.zendesk.sync;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentRecord;
import io.tidings.consent.ConsentSource;
import io.tidings.consent.ConsentStatus;
import io.tidings.preference.Category;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.Channel;
import io.tidings.testing.TestDatabase;
import io.tidings.zendesk.client.VirtualTicker;
import io.tidings.zendesk.client.ZendeskClient;
import io.tidings.zendesk.client.ZendeskCredentials;
import io.tidings.zendesk.client.ZendeskHttp;
import io.tidings.zendesk.client.ZendeskSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Drift: field edits made in Zendesk, read back through the incremental export, on every supported database. */
abstract class ZendeskDriftContract {

    private static final String EXPORT = "/api/v2/incremental/users/cursor";

    @RegisterExtension
    static final WireMockExtension zendesk = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private final TestDatabase target;
    private TidingsStores stores;
    private ZendeskDriftReader reader;
    private SyncPositions positions;

    ZendeskDriftContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void setUp() {
        stores = new TidingsStores(target);
        positions = new SyncPositions(stores.database.jdbi(), stores.clock);
        ZendeskClient client = new ZendeskClient(new ZendeskHttp(new ZendeskSettings(URI.create(zendesk.baseUrl()),
                new ZendeskCredentials.ApiToken("ops@example.com", "token"), 100_000), new VirtualTicker()));
        FieldDrift drift = new FieldDrift(stores.preferences, stores.ledger, stores.queue, CategoryPolicies.defaults(),
                stores.clock);
        reader = new ZendeskDriftReader(client, positions, stores.customerStore, stores.snapshots, drift, stores.clock);
    }

    @AfterEach
    void tearDown() {
        stores.close();
    }

    @Test
    void boxesUntickedInZendeskTurnTidingsOffAndTickedOnesAreWrittenBack() {
        UUID amara = stores.customer("1001");
        stores.choose(amara, Category.PROMOTIONAL, Channel.SMS, true);
        stores.consent(amara, Channel.SMS, ConsentStatus.GRANTED);
        stores.clock.advance(java.time.Duration.ofMinutes(5));
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("start_time", equalTo(
                        String.valueOf(stores.clock.instant().minusSeconds(120).getEpochSecond())))
                .willReturn(okJson("""
                        {"users":[
                          {"id":1001,"updated_at":"2026-11-22T08:04:00Z","user_fields":{
                            "tidings_promotional_sms":false,"tidings_sms_opt_in":false,"tidings_email_opt_in":true}},
                          {"id":4242,"updated_at":"2026-11-22T08:04:30Z","user_fields":{"tidings_sms_opt_in":false}}],
                         "after_cursor":"cursor-1","before_cursor":null,"end_of_stream":true}""")));

        int restricted = reader.readChanges();

        assertThat(restricted).isEqualTo(2);
        var preferences = stores.preferences.get(amara);
        assertThat(preferences.preferences().isOn(Category.PROMOTIONAL, Channel.SMS, CategoryPolicies.defaults())).isFalse();
        assertThat(stores.preferences.history(amara).getFirst().changedBy()).isEqualTo(FieldDrift.CRM_SYNC);
        ConsentRecord last = stores.ledger.records(amara).getLast();
        assertThat(last.statement().status()).isEqualTo(ConsentStatus.REVOKED);
        assertThat(last.statement().source()).isEqualTo(ConsentSource.CRM_SYNC);
        assertThat(last.statement().scope().channels()).containsExactly(Channel.SMS);
        var consent = stores.ledger.current(amara, Instant.now().plusSeconds(3600));
        assertThat(consent.stateOf(ConsentPurpose.MARKETING, Channel.EMAIL))
                .as("a box ticked in Zendesk grants nothing").isNull();
        assertThat(stores.queue.pending()).as("Tidings' values are written back").isEqualTo(1);
        assertThat(positions.get(ZendeskDriftReader.POSITION)).contains("cursor-1");
        assertThat(stores.ledger.verify(amara).isIntact()).isTrue();
    }

    @Test
    void theNextRunResumesAtTheStoredCursorAndOwnWritesAreNotDrift() {
        UUID jonas = stores.customer("1002");
        positions.put(ZendeskDriftReader.POSITION, "cursor-7");
        var fields = TidingsUserFields.values(stores.snapshots.of(jonas).orElseThrow(), CategoryPolicies.defaults());
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(key).append("\":")
                .append(value == null ? "null" : value instanceof Boolean ? value.toString() : "\"" + value + "\""));
        json.append('}');
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("cursor-7")).willReturn(okJson(
                "{\"users\":[{\"id\":1002,\"user_fields\":" + json + "}],\"after_cursor\":\"cursor-8\",\"end_of_stream\":false}")));
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("cursor-8")).willReturn(okJson(
                "{\"users\":[],\"after_cursor\":\"cursor-9\",\"end_of_stream\":true}")));

        assertThat(reader.readChanges()).isZero();

        assertThat(stores.queue.pending()).isZero();
        assertThat(positions.get(ZendeskDriftReader.POSITION)).contains("cursor-9");
        zendesk.verify(0, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("start_time", com.github.tomakehurst.wiremock.client.WireMock.matching(".*")));
    }
}
