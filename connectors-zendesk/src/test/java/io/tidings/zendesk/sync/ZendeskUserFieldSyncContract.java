package io.tidings.zendesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tidings.consent.ConsentStatus;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.testing.TestDatabase;
import io.tidings.zendesk.client.JobFollower;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The user field sync against a fake Zendesk, on every supported database. */
abstract class ZendeskUserFieldSyncContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension zendesk = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private final TestDatabase target;
    private TidingsStores stores;
    private ZendeskUserFieldSync sync;

    ZendeskUserFieldSyncContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void setUp() {
        stores = new TidingsStores(target);
        ZendeskClient client = new ZendeskClient(new ZendeskHttp(new ZendeskSettings(URI.create(zendesk.baseUrl()),
                new ZendeskCredentials.ApiToken("ops@example.com", "token"), 100_000), new VirtualTicker()));
        sync = new ZendeskUserFieldSync(stores.queue, stores.snapshots, CategoryPolicies.defaults(), client,
                new JobFollower(client, Duration.ofMillis(5), 20));
        zendesk.stubFor(put(urlPathEqualTo("/api/v2/users/update_many")).willReturn(okJson(
                "{\"job_status\":{\"id\":\"job-1\",\"status\":\"queued\",\"total\":1,\"results\":null}}")));
    }

    @AfterEach
    void tearDown() {
        stores.close();
    }

    @Test
    void aQueuedCustomersPreferencesAndConsentReachTheirUserFields() throws Exception {
        UUID amara = stores.customer("1001");
        stores.choose(amara, Category.PROMOTIONAL, Channel.SMS, true);
        stores.consent(amara, Channel.SMS, ConsentStatus.GRANTED);
        stores.queue.request(amara);
        jobAnswers("working", "[]");
        jobAnswersLater("completed", "[{\"id\":1001,\"action\":\"update\",\"status\":\"Updated\",\"success\":true}]");

        assertThat(sync.syncBatch()).isEqualTo(1);

        JsonNode user = onlyUpdateManyBody().path("users").get(0);
        assertThat(user.path("id").asLong()).isEqualTo(1001);
        JsonNode fields = user.path("user_fields");
        assertThat(fields.path("tidings_promotional_sms").asBoolean()).isTrue();
        assertThat(fields.path("tidings_promotional_email").asBoolean()).isFalse();
        assertThat(fields.path("tidings_service_update_email").asBoolean()).isTrue();
        assertThat(fields.path("tidings_sms_opt_in").asBoolean()).isTrue();
        assertThat(fields.path("tidings_email_opt_in").asBoolean()).isFalse();
        assertThat(fields.path("tidings_time_zone").asText()).isEqualTo("America/New_York");
        assertThat(fields.path("tidings_last_consent_change").asText()).isEqualTo("2026-11-22");
        assertThat(fields.has("tidings_quiet_hours")).isTrue();
        assertThat(fields.size()).isEqualTo(TidingsUserFields.ALL.size());
        assertThat(stores.queue.pending()).isZero();
    }

    @Test
    void customersAreWrittenInBatchesOfAHundred() throws Exception {
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            customers.add(stores.customer(String.valueOf(5000 + i)));
        }
        stores.queue.requestAll(customers);
        jobAnswers("completed", "[]");

        assertThat(sync.syncBatch()).isEqualTo(100);
        assertThat(sync.syncBatch()).isEqualTo(50);

        List<Integer> sizes = zendesk.findAll(putRequestedFor(urlPathEqualTo("/api/v2/users/update_many"))).stream()
                .map(request -> read(request.getBodyAsString()).path("users").size()).toList();
        assertThat(sizes).containsExactly(100, 50);
        assertThat(stores.queue.pending()).isZero();
    }

    @Test
    void aFailedItemStaysQueuedWithItsErrorAndTheOthersAreDone() {
        UUID amara = stores.customer("1001");
        UUID jonas = stores.customer("1002");
        stores.queue.requestAll(List.of(amara, jonas));
        jobAnswers("completed", "[{\"id\":1001,\"status\":\"Updated\"},"
                + "{\"id\":1002,\"status\":\"Failed\",\"error\":\"UserUpdateError\",\"details\":\"Locked\"}]");

        sync.syncBatch();

        assertThat(stores.queue.pending()).isEqualTo(1);
        assertThat(stores.queue.lastError(jonas)).contains("UserUpdateError");
        assertThat(stores.queue.lastError(amara)).isNull();
        assertThat(sync.syncBatch()).as("the failed item waits for its backoff").isZero();
        stores.clock.advance(Duration.ofSeconds(31));
        zendesk.resetScenarios();
        jobAnswers("completed", "[{\"id\":1002,\"status\":\"Updated\"}]");
        assertThat(sync.syncBatch()).isEqualTo(1);
        assertThat(stores.queue.pending()).isZero();
    }

    @Test
    void aRefusedCallQueuesTheWholeBatchAgain() {
        UUID amara = stores.customer("1001");
        stores.queue.request(amara);
        zendesk.stubFor(put(urlPathEqualTo("/api/v2/users/update_many")).willReturn(aResponse().withStatus(422)
                .withBody("{\"error\":\"RecordInvalid\"}")));

        sync.syncBatch();

        assertThat(stores.queue.pending()).isEqualTo(1);
        assertThat(stores.queue.lastError(amara)).contains("422");
    }

    @Test
    void aCustomerWithoutAZendeskUserLeavesTheQueueWithoutACall() {
        stores.queue.request(stores.customer(null));

        assertThat(sync.syncBatch()).isEqualTo(1);

        assertThat(zendesk.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(stores.queue.pending()).isZero();
    }

    @Test
    void aChangeDuringASyncKeepsTheCustomerQueuedForAnotherRound() {
        UUID amara = stores.customer("1001");
        stores.queue.request(amara);
        ClaimedSync claimed = stores.queue.claim(10, Duration.ofMinutes(1)).getFirst();
        stores.queue.request(amara);

        stores.queue.done(claimed);

        assertThat(stores.queue.pending()).isEqualTo(1);
        assertThat(stores.queue.claim(10, Duration.ofMinutes(1))).extracting(ClaimedSync::customerId)
                .containsExactly(amara);
    }

    @Test
    void aClaimedCustomerIsNotClaimedTwice() {
        stores.queue.request(stores.customer("1001"));

        assertThat(stores.queue.claim(10, Duration.ofMinutes(1))).hasSize(1);
        assertThat(stores.queue.claim(10, Duration.ofMinutes(1))).isEmpty();
        stores.clock.advance(Duration.ofMinutes(2));
        assertThat(stores.queue.claim(10, Duration.ofMinutes(1))).as("the lease ran out").hasSize(1);
    }

    @Test
    void theBackfillResumesAfterTheLastQueuedCustomerAndReportsItsProgress() throws Exception {
        UUID first = stores.customer("2001");
        for (String zendeskUserId : new String[] {"2002", null, "2003"}) {
            stores.clock.advance(Duration.ofMillis(1)); // ids are time-ordered: keep creation order
            stores.customer(zendeskUserId);
        }
        new SyncPositions(stores.database.jdbi(), stores.clock).put(ZendeskBackfill.POSITION, first.toString());
        jobAnswers("completed", "[]");
        List<String> progress = new ArrayList<>();

        long waiting = new ZendeskBackfill(stores.database.jdbi(), stores.queue,
                new SyncPositions(stores.database.jdbi(), stores.clock), sync).run(new ZendeskBackfill.Progress() {
                    @Override
                    public void queued(long done, long total) {
                        progress.add("queued " + done + "/" + total);
                    }

                    @Override
                    public void synced(long done, long total) {
                        progress.add("synced " + done + "/" + total);
                    }
                });

        assertThat(waiting).isZero();
        assertThat(progress).containsExactly("queued 1/3", "queued 3/3", "synced 0/2", "synced 2/2");
        assertThat(onlyUpdateManyBody().path("users").findValuesAsText("id")).containsExactly("2002", "2003");
        assertThat(new SyncPositions(stores.database.jdbi(), stores.clock).get(ZendeskBackfill.POSITION)).isEmpty();
    }

    private static void jobAnswers(String status, String results) {
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/job_statuses/job-1")).inScenario("job")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(okJson(job(status, results))).willSetStateTo(status.equals("completed") ? "Started" : "done"));
    }

    private static void jobAnswersLater(String status, String results) {
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/job_statuses/job-1")).inScenario("job").whenScenarioStateIs("done")
                .willReturn(okJson(job(status, results))));
    }

    private static String job(String status, String results) {
        return "{\"job_status\":{\"id\":\"job-1\",\"status\":\"" + status + "\",\"total\":1,\"results\":" + results + "}}";
    }

    private static JsonNode onlyUpdateManyBody() {
        var requests = zendesk.findAll(putRequestedFor(urlPathEqualTo("/api/v2/users/update_many")));
        assertThat(requests).hasSize(1);
        return read(requests.getFirst().getBodyAsString());
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
