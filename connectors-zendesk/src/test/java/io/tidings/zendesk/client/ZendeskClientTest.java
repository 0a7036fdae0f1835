package io.tidings.zendesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Zendesk client against WireMock answering Zendesk's documented shapes. */
class ZendeskClientTest {

    @RegisterExtension
    static final WireMockExtension zendesk = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private final VirtualTicker ticker = new VirtualTicker();

    @Test
    void updateManySendsTheUsersFieldsWithTokenAuthenticationAndReadsTheJob() throws Exception {
        zendesk.stubFor(put(urlPathEqualTo("/api/v2/users/update_many")).willReturn(okJson("""
                {"job_status":{"id":"8b726e606741012ffc2d782bcb7848fe","message":null,"progress":null,
                 "results":null,"status":"queued","total":2,
                 "url":"https://example.zendesk.com/api/v2/job_statuses/8b726e606741012ffc2d782bcb7848fe.json"}}""")));
        Map<Long, Map<String, Object>> fields = new LinkedHashMap<>();
        fields.put(1001L, Map.of("tidings_sms_opt_in", true));
        fields.put(1002L, Map.of("tidings_quiet_hours", "SMS 21:00-08:00"));

        JobStatus job = client(1000).updateManyUsers(fields);

        assertThat(job.id()).isEqualTo("8b726e606741012ffc2d782bcb7848fe");
        assertThat(job.finished()).isFalse();
        var request = zendesk.findAll(putRequestedFor(urlPathEqualTo("/api/v2/users/update_many"))).getFirst();
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("ops@example.com/token:s3cret".getBytes(StandardCharsets.UTF_8)));
        JsonNode body = new ObjectMapper().readTree(request.getBodyAsString());
        assertThat(body).isEqualTo(new ObjectMapper().readTree("""
                {"users":[{"id":1001,"user_fields":{"tidings_sms_opt_in":true}},
                          {"id":1002,"user_fields":{"tidings_quiet_hours":"SMS 21:00-08:00"}}]}"""));
    }

    @Test
    void showManyReadsTheStatusesOfSeveralJobsInOneCall() {
        zendesk.stubFor(get(urlEqualTo("/api/v2/job_statuses/show_many?ids=8b726e606741012ffc2d782bcb7848fe,"
                + "e7665094164c498781ebe4c8db6d2af5")).willReturn(okJson("""
                {"job_statuses":[
                  {"id":"8b726e606741012ffc2d782bcb7848fe","job_type":"Bulk Update Users","status":"completed",
                   "total":2,"progress":2,"message":"Completed at 2026-11-22 08:00:03 +0000",
                   "url":"https://example.zendesk.com/api/v2/job_statuses/8b726e606741012ffc2d782bcb7848fe.json",
                   "results":[{"id":1001,"action":"update","status":"Updated","success":true},
                              {"id":1002,"status":"Failed","error":"UserUpdateError","details":"Locked"}]},
                  {"id":"e7665094164c498781ebe4c8db6d2af5","job_type":"Bulk Update Users","status":"working",
                   "total":100,"progress":40,"message":null,
                   "url":"https://example.zendesk.com/api/v2/job_statuses/e7665094164c498781ebe4c8db6d2af5.json",
                   "results":null}]}""")));

        List<JobStatus> jobs = client(1000).jobStatuses(List.of("8b726e606741012ffc2d782bcb7848fe",
                "e7665094164c498781ebe4c8db6d2af5"));

        assertThat(jobs).extracting(JobStatus::id, JobStatus::status).containsExactly(
                Tuple.tuple("8b726e606741012ffc2d782bcb7848fe", "completed"),
                Tuple.tuple("e7665094164c498781ebe4c8db6d2af5", "working"));
        assertThat(jobs.getFirst().results()).extracting(JobStatus.Result::id, JobStatus.Result::failed)
                .containsExactly(Tuple.tuple(1001L, false), Tuple.tuple(1002L, true));
        assertThat(jobs.get(1).finished()).isFalse();
        assertThat(jobs.get(1).results()).isEmpty();
        zendesk.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/job_statuses/show_many")));
    }

    @Test
    void aShowManyReadTakesOneToAHundredJobIds() {
        ZendeskClient client = client(1000);
        List<String> tooMany = IntStream.rangeClosed(0, ZendeskClient.MAX_JOBS_PER_READ)
                .mapToObj(Integer::toString).toList();

        assertThatThrownBy(() -> client.jobStatuses(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.jobStatuses(tooMany)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() {
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/users/7")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "93")).willSetStateTo("open"));
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/users/7")).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(okJson("{\"user\":{\"id\":7,\"user_fields\":{}}}")));

        JsonNode user = client(1000).user(7);

        assertThat(user.path("id").asLong()).isEqualTo(7);
        assertThat(ticker.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(93));
        zendesk.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/users/7")));
    }

    @Test
    void aServerErrorIsRetriedWithBackoffAndAClientErrorIsNot() {
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/users/8")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/users/8")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"user\":{\"id\":8}}")));
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/users/9")).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":\"RecordNotFound\"}")));
        ZendeskClient client = client(1000);

        assertThat(client.user(8).path("id").asLong()).isEqualTo(8);
        assertThatThrownBy(() -> client.user(9)).isInstanceOfSatisfying(ZendeskApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        zendesk.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/users/9")));
    }

    @Test
    void requestsArePacedToTheConfiguredBudget() {
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/users/5")).willReturn(okJson("{\"user\":{\"id\":5}}")));
        ZendeskClient client = client(60);

        for (int i = 0; i < 4; i++) {
            client.user(5);
        }

        assertThat(ticker.elapsed()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void userFieldsFollowThePages() {
        zendesk.stubFor(get(urlEqualTo("/api/v2/user_fields")).willReturn(okJson("""
                {"user_fields":[{"id":7,"key":"tidings_sms_opt_in","type":"checkbox","title":"SMS opt-in"}],
                 "next_page":"%s/api/v2/user_fields?page=2","previous_page":null,"count":2}"""
                .formatted(zendesk.baseUrl()))));
        zendesk.stubFor(get(urlEqualTo("/api/v2/user_fields?page=2")).willReturn(okJson("""
                {"user_fields":[{"id":8,"key":"plan","type":"text","title":"Plan"}],"next_page":null,"count":2}""")));

        assertThat(client(1000).userFields()).extracting(UserField::key).containsExactly("tidings_sms_opt_in", "plan");
    }

    @Test
    void theIncrementalExportStartsAtATimeAndResumesAtACursor() {
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/incremental/users/cursor")).withQueryParam("start_time", equalTo("1763798400"))
                .willReturn(okJson("""
                        {"users":[{"id":1001,"updated_at":"2026-11-22T08:00:00Z","user_fields":{"tidings_sms_opt_in":false}}],
                         "after_cursor":"MTU3NjYxMzUzOS4wfHw0Njd8","before_cursor":null,"end_of_stream":false,
                         "after_url":"x","before_url":null}""")));
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/incremental/users/cursor")).withQueryParam("cursor", equalTo("MTU3NjYxMzUzOS4wfHw0Njd8"))
                .willReturn(okJson("{\"users\":[],\"after_cursor\":\"next\",\"end_of_stream\":true}")));
        ZendeskClient client = client(1000);

        IncrementalUsersPage first = client.incrementalUsersSince(Instant.ofEpochSecond(1763798400));
        IncrementalUsersPage second = client.incrementalUsersAfter(first.afterCursor());

        assertThat(first.users()).hasSize(1);
        assertThat(first.endOfStream()).isFalse();
        assertThat(second.endOfStream()).isTrue();
    }

    @Test
    void anOAuthTokenIsSentAsBearerAndNeverPrinted() {
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/users/5")).withHeader("Authorization", equalTo("Bearer oauth-xyz"))
                .willReturn(okJson("{\"user\":{\"id\":5}}")));
        ZendeskSettings settings = new ZendeskSettings(URI.create(zendesk.baseUrl()),
                new ZendeskCredentials.OAuth("oauth-xyz"), 1000);

        assertThat(new ZendeskClient(new ZendeskHttp(settings, ticker)).user(5).path("id").asLong()).isEqualTo(5);
        assertThat(settings.toString()).doesNotContain("oauth-xyz");
        assertThat(new ZendeskCredentials.ApiToken("a@b.c", "zd-secret-77").toString()).doesNotContain("zd-secret-77");
    }

    private ZendeskClient client(int perMinute) {
        return new ZendeskClient(new ZendeskHttp(new ZendeskSettings(URI.create(zendesk.baseUrl()),
                new ZendeskCredentials.ApiToken("ops@example.com", "s3cret"), perMinute), ticker));
    }
}
