package io.tidings.zendesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import org.jdbi.v3.core.Handle;
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
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The user field sync against a fake Zendesk, on every supported database. */
abstract class ZendeskUserFieldSyncContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOW_MANY = "/api/v2/job_statuses/show_many";
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration GIVE_UP = Duration.ofSeconds(5);

    @RegisterExtension
    static final WireMockExtension zendesk = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private final TestDatabase target;
    private final VirtualTicker ticker = new VirtualTicker();
    private TidingsStores stores;
    private ZendeskClient client;
    private ZendeskUserFieldSync sync;

    ZendeskUserFieldSyncContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void setUp() {
        stores = new TidingsStores(target);
        client = new ZendeskClient(new ZendeskHttp(new ZendeskSettings(URI.create(zendesk.baseUrl()),
                new ZendeskCredentials.ApiToken("ops@example.com", "token"), 100_000), ticker));
        sync = syncWithRoomFor(JobFollower.ZENDESK_JOB_LIMIT);
        jobsCreated("job-1");
    }

    /** A sync worker that keeps at most {@code jobs} jobs out, on the virtual clock. */
    private ZendeskUserFieldSync syncWithRoomFor(int jobs) {
        return new ZendeskUserFieldSync(stores.queue, stores.snapshots, CategoryPolicies.defaults(), client,
                new JobFollower(client, POLL, GIVE_UP, jobs, ticker));
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
        readsAnswer(job("job-1", "completed",
                "[{\"id\":1001,\"action\":\"update\",\"status\":\"Updated\",\"success\":true}]"));

        assertThat(sync.syncBatch()).isEqualTo(1);
        sync.settleOutstanding();

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
    void batchesOfAHundredGoOutBackToBackAndOneReadSettlesThemAll() {
        stores.queue.requestAll(customers(250));
        jobsCreated("job-1", "job-2", "job-3");
        readsAnswer(job("job-1", "completed", "[]") + "," + job("job-2", "completed", "[]") + ","
                + job("job-3", "completed", "[]"));

        assertThat(sync.syncBatch()).isEqualTo(100);
        assertThat(sync.syncBatch()).isEqualTo(100);
        assertThat(sync.syncBatch()).isEqualTo(50);

        assertThat(updateManySizes()).containsExactly(100, 100, 50);
        assertThat(reads()).as("no job is read before it had a poll interval to work").isEmpty();
        assertThat(stores.queue.claim(10, Duration.ofMinutes(1))).as("customers out in a job stay leased").isEmpty();
        sync.settleOutstanding();
        assertThat(reads()).containsExactly("job-1,job-2,job-3");
        assertThat(stores.queue.pending()).isZero();
    }

    @Test
    void theJobLimitHoldsTheNextCallBackUntilAReadFreesRoom() {
        ZendeskUserFieldSync twoJobs = syncWithRoomFor(2);
        stores.queue.requestAll(customers(250));
        jobsCreated("job-1", "job-2", "job-3");
        readsAnswer(job("job-1", "completed", "[]") + "," + job("job-2", "working", "null"),
                job("job-2", "completed", "[]") + "," + job("job-3", "completed", "[]"));

        assertThat(twoJobs.syncBatch()).isEqualTo(100);
        assertThat(twoJobs.syncBatch()).isEqualTo(100);
        assertThat(twoJobs.syncBatch()).isEqualTo(50);

        assertThat(reads()).as("the third call waited for a read").containsExactly("job-1,job-2");
        assertThat(stores.queue.pending()).as("job-1's customers are done").isEqualTo(150);
        twoJobs.settleOutstanding();
        assertThat(reads()).containsExactly("job-1,job-2", "job-2,job-3");
        assertThat(stores.queue.pending()).isZero();
    }

    @Test
    void aJobStillWorkingIsReadAgainAPollIntervalLater() {
        UUID amara = stores.customer("1001");
        stores.queue.request(amara);
        readsAnswer(job("job-1", "working", "null"),
                job("job-1", "completed", "[{\"id\":1001,\"status\":\"Updated\"}]"));

        sync.syncBatch();
        sync.settleOutstanding();

        assertThat(reads()).containsExactly("job-1", "job-1");
        assertThat(ticker.elapsed()).isGreaterThanOrEqualTo(POLL.multipliedBy(2));
        assertThat(stores.queue.pending()).isZero();
    }

    @Test
    void aJobUnfinishedWhenGivenUpOnQueuesItsCustomersAgain() {
        UUID amara = stores.customer("1001");
        stores.queue.request(amara);
        readsAnswer(job("job-1", "working", "null"));

        sync.syncBatch();
        sync.settleOutstanding();

        assertThat(reads()).hasSize((int) (GIVE_UP.toSeconds() / POLL.toSeconds()));
        assertThat(stores.queue.lastError(amara)).isEqualTo("Zendesk job job-1 given up on while working");
        assertThat(stores.queue.pending()).isEqualTo(1);
    }

    @Test
    void aJobThatFailedOrThatZendeskNoLongerKnowsQueuesItsCustomersAgain() {
        UUID amara = stores.customer("1001");
        UUID jonas = stores.customer("1002");
        jobsCreated("job-1", "job-2");
        readsAnswer(job("job-2", "failed", "null"));
        stores.queue.request(amara);
        sync.syncBatch();
        stores.queue.request(jonas);
        sync.syncBatch();

        sync.settleOutstanding();

        assertThat(reads()).containsExactly("job-1,job-2");
        assertThat(stores.queue.lastError(amara)).isEqualTo("Zendesk job job-1 given up on while unknown to Zendesk");
        assertThat(stores.queue.lastError(jonas)).isEqualTo("Zendesk job job-2 failed");
        assertThat(stores.queue.pending()).isEqualTo(2);
    }

    @Test
    void aFailedItemStaysQueuedWithItsErrorAndTheOthersAreDone() {
        UUID amara = stores.customer("1001");
        UUID jonas = stores.customer("1002");
        stores.queue.requestAll(List.of(amara, jonas));
        jobsCreated("job-1", "job-2");
        readsAnswer(job("job-1", "completed", "[{\"id\":1001,\"status\":\"Updated\"},"
                + "{\"id\":1002,\"status\":\"Failed\",\"error\":\"UserUpdateError\",\"details\":\"Locked\"}]"),
                job("job-2", "completed", "[{\"id\":1002,\"status\":\"Updated\"}]"));

        sync.syncBatch();
        sync.settleOutstanding();

        assertThat(stores.queue.pending()).isEqualTo(1);
        assertThat(stores.queue.lastError(jonas)).contains("UserUpdateError");
        assertThat(stores.queue.lastError(amara)).isNull();
        assertThat(sync.syncBatch()).as("the failed item waits for its backoff").isZero();
        stores.clock.advance(Duration.ofSeconds(31));
        assertThat(sync.syncBatch()).isEqualTo(1);
        sync.settleOutstanding();
        assertThat(reads()).containsExactly("job-1", "job-2");
        assertThat(read(onlyUpdateManyBodies().get(1)).path("users").findValuesAsText("id")).containsExactly("1002");
        assertThat(stores.queue.pending()).isZero();
    }

    @Test
    void aRefusedCallQueuesTheWholeBatchAgain() {
        UUID amara = stores.customer("1001");
        stores.queue.request(amara);
        zendesk.stubFor(put(urlPathEqualTo("/api/v2/users/update_many")).willReturn(aResponse().withStatus(422)
                .withBody("{\"error\":\"RecordInvalid\"}")));

        sync.syncBatch();
        sync.settleOutstanding();

        assertThat(reads()).isEmpty();
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

    /** Another worker is claiming the oldest due customers right now: a claim passes them by and still fills its batch. */
    @Test
    void aClaimPassesCustomersAnotherWorkerHoldsAndStillFillsItsBatch() {
        List<UUID> queued = new ArrayList<>();
        for (UUID customer : customers(6)) {
            stores.clock.advance(Duration.ofMillis(1)); // due one after the other: claims take them in this order
            stores.queue.request(customer);
            queued.add(customer);
        }
        try (Handle other = stores.database.jdbi().open()) {
            other.begin();
            other.createQuery("select customer_id from zendesk_user_sync where customer_id in (<ids>) for update")
                    .bindList("ids", queued.subList(0, 2)).mapTo(UUID.class).list();

            assertThat(stores.queue.claim(3, Duration.ofMinutes(1))).extracting(ClaimedSync::customerId)
                    .containsExactlyElementsOf(queued.subList(2, 5));
            assertThat(stores.queue.claim(3, Duration.ofMinutes(1))).extracting(ClaimedSync::customerId)
                    .containsExactly(queued.get(5));
            other.rollback();
        }
        assertThat(stores.queue.claim(3, Duration.ofMinutes(1))).as("released by the other worker")
                .extracting(ClaimedSync::customerId).containsExactlyElementsOf(queued.subList(0, 2));
    }

    @Test
    void theBackfillResumesAfterTheLastQueuedCustomerAndReportsItsProgress() throws Exception {
        UUID first = stores.customer("2001");
        for (String zendeskUserId : new String[] {"2002", null, "2003"}) {
            stores.clock.advance(Duration.ofMillis(1)); // ids are time-ordered: keep creation order
            stores.customer(zendeskUserId);
        }
        new SyncPositions(stores.database.jdbi(), stores.clock).put(ZendeskBackfill.POSITION, first.toString());
        readsAnswer(job("job-1", "completed", "[]"));
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

    /** A worker that stopped with a job out leaves its customers leased; once the lease ends, another writes them. */
    @Test
    void customersOfAJobLostInARestartAreWrittenAgainAfterTheirLease() {
        UUID amara = stores.customer("1001");
        stores.queue.request(amara);
        jobsCreated("job-1", "job-2");
        readsAnswer(job("job-2", "completed", "[]"));
        sync.syncBatch();

        ZendeskUserFieldSync restarted = syncWithRoomFor(JobFollower.ZENDESK_JOB_LIMIT);
        assertThat(restarted.syncBatch()).as("still leased").isZero();
        stores.clock.advance(ZendeskUserFieldSync.LEASE.plusSeconds(1));
        assertThat(restarted.syncBatch()).isEqualTo(1);
        restarted.settleOutstanding();

        assertThat(onlyUpdateManyBodies()).hasSize(2);
        assertThat(reads()).containsExactly("job-2");
        assertThat(stores.queue.pending()).isZero();
    }

    private List<UUID> customers(int count) {
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            customers.add(stores.customer(String.valueOf(5000 + i)));
        }
        return customers;
    }

    /** {@code update_many} answers these job ids, one per call, in order. */
    private static void jobsCreated(String... ids) {
        for (int i = 0; i < ids.length; i++) {
            zendesk.stubFor(put(urlPathEqualTo("/api/v2/users/update_many")).inScenario("created")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : ids[i - 1])
                    .willReturn(okJson("{\"job_status\":{\"id\":\"" + ids[i]
                            + "\",\"status\":\"queued\",\"total\":1,\"progress\":null,\"results\":null}}"))
                    .willSetStateTo(ids[i]));
        }
    }

    /** {@code show_many} answers these job lists, one per read, in order; the last one stays. */
    private static void readsAnswer(String... jobLists) {
        for (int i = 0; i < jobLists.length; i++) {
            zendesk.stubFor(get(urlPathEqualTo(SHOW_MANY)).inScenario("reads")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "read " + i)
                    .willReturn(okJson("{\"job_statuses\":[" + jobLists[i] + "]}"))
                    .willSetStateTo(i + 1 < jobLists.length ? "read " + (i + 1)
                            : i == 0 ? Scenario.STARTED : "read " + i));
        }
    }

    private static String job(String id, String status, String results) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"total\":1,\"results\":" + results + "}";
    }

    /** The {@code ids} of every {@code show_many} read, in order. */
    private static List<String> reads() {
        return zendesk.findAll(getRequestedFor(urlPathEqualTo(SHOW_MANY))).stream()
                .map(request -> request.queryParameter("ids").firstValue()).toList();
    }

    private static List<Integer> updateManySizes() {
        return onlyUpdateManyBodies().stream().map(body -> read(body).path("users").size()).toList();
    }

    private static List<String> onlyUpdateManyBodies() {
        return zendesk.findAll(putRequestedFor(urlPathEqualTo("/api/v2/users/update_many"))).stream()
                .map(LoggedRequest::getBodyAsString).toList();
    }

    private static JsonNode onlyUpdateManyBody() {
        var requests = onlyUpdateManyBodies();
        assertThat(requests).hasSize(1);
        return read(requests.getFirst());
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
