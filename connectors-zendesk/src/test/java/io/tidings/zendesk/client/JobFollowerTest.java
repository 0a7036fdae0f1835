package io.tidings.zendesk.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Following many Zendesk jobs with one {@code show_many} read, on a virtual clock. */
class JobFollowerTest {

    private static final String SHOW_MANY = "/api/v2/job_statuses/show_many";
    private static final Duration POLL = Duration.ofSeconds(2);

    @RegisterExtension
    static final WireMockExtension zendesk = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private final VirtualTicker ticker = new VirtualTicker();
    private final ZendeskClient client = new ZendeskClient(new ZendeskHttp(new ZendeskSettings(
            URI.create(zendesk.baseUrl()), new ZendeskCredentials.ApiToken("ops@example.com", "token"), 100_000),
            ticker));
    private final JobFollower jobs = new JobFollower(client, POLL, Duration.ofMinutes(1), 2, ticker);

    @Test
    void noReadComesBeforeTheOldestJobHadAPollInterval() {
        zendesk.stubFor(get(urlPathEqualTo(SHOW_MANY)).willReturn(okJson(
                "{\"job_statuses\":[{\"id\":\"a\",\"status\":\"completed\",\"results\":[]}]}")));
        jobs.follow(queued("a"));

        assertThat(jobs.readIfDue()).isEmpty();
        ticker.sleepNanos(POLL.toNanos());
        List<JobFollower.Ended> ended = jobs.readIfDue();

        assertThat(ended).extracting(end -> end.job().id(), JobFollower.Ended::givenUp)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", false));
        assertThat(jobs.idle()).isTrue();
        zendesk.verify(1, getRequestedFor(urlPathEqualTo(SHOW_MANY)));
    }

    @Test
    void jobsStayFollowedThroughAFailedReadAndAreReadAgainAPollIntervalLater() {
        zendesk.stubFor(get(urlPathEqualTo(SHOW_MANY)).inScenario("read").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"InvalidEndpoint\"}"))
                .willSetStateTo("up"));
        zendesk.stubFor(get(urlPathEqualTo(SHOW_MANY)).inScenario("read").whenScenarioStateIs("up")
                .willReturn(okJson("{\"job_statuses\":[{\"id\":\"a\",\"status\":\"completed\",\"results\":[]},"
                        + "{\"id\":\"b\",\"status\":\"completed\",\"results\":[]}]}")));
        jobs.follow(queued("a"));
        jobs.follow(queued("b"));

        assertThat(jobs.awaitRead()).isEmpty();
        Duration firstRead = ticker.elapsed();
        assertThat(jobs.awaitRead()).hasSize(2);

        assertThat(ticker.elapsed().minus(firstRead)).isGreaterThanOrEqualTo(POLL);
        assertThat(jobs.idle()).isTrue();
    }

    @Test
    void theFollowerHoldsNoMoreJobsThanItsLimit() {
        jobs.follow(queued("a"));
        assertThat(jobs.full()).isFalse();
        jobs.follow(queued("b"));

        assertThat(jobs.full()).isTrue();
        assertThatThrownBy(() -> jobs.follow(queued("c"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JobFollower(client, POLL, Duration.ofMinutes(1),
                JobFollower.ZENDESK_JOB_LIMIT + 1, ticker)).isInstanceOf(IllegalArgumentException.class);
    }

    private static JobStatus queued(String id) {
        return new JobStatus(id, "queued", List.of());
    }
}
