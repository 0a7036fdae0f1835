package io.tidings.zendesk.client;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestPacerTest {

    private final VirtualTicker ticker = new VirtualTicker();

    @Test
    void spacesRequestsEvenlySoNoMinuteHoldsMoreThanTheBudget() {
        RequestPacer pacer = new RequestPacer(120, ticker);
        for (int i = 0; i < 121; i++) {
            pacer.awaitTurn();
        }
        // the 121st request is the first of the next minute
        assertThat(ticker.elapsed()).isEqualTo(Duration.ofMinutes(1));
        assertThat(ticker.sleeps()).hasSize(120).allMatch(sleep -> sleep.equals(Duration.ofMillis(500)));
    }

    @Test
    void adoptsALowerLimitThatZendeskNames() {
        RequestPacer pacer = new RequestPacer(700, ticker);
        pacer.observe(headers(Map.of("X-Rate-Limit", "200", "X-Rate-Limit-Remaining", "150")));
        assertThat(pacer.requestsPerMinute()).isEqualTo(200);
        pacer.observe(headers(Map.of("X-Rate-Limit", "2500")));
        assertThat(pacer.requestsPerMinute()).isEqualTo(200);
    }

    @Test
    void waitsForTheWindowToResetWhenNothingRemains() {
        RequestPacer pacer = new RequestPacer(6000, ticker);
        pacer.awaitTurn();
        pacer.observe(headers(Map.of("ratelimit-remaining", "0", "ratelimit-reset", "17")));
        pacer.awaitTurn();
        assertThat(ticker.elapsed()).isEqualTo(Duration.ofSeconds(17));
    }

    /** Zendesk's update and job calls name no reset time: the next request goes at its slot and finds out. */
    @Test
    void aSpentWindowWithoutAResetTimeHoldsNothingBackBeyondThePace() {
        RequestPacer pacer = new RequestPacer(200, ticker);
        pacer.awaitTurn();
        pacer.observe(headers(Map.of("X-Rate-Limit", "200", "X-Rate-Limit-Remaining", "0")));
        pacer.awaitTurn();
        assertThat(ticker.elapsed()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void holdsEveryRequestBackForTheRetryAfterOfA429() {
        RequestPacer pacer = new RequestPacer(6000, ticker);
        pacer.awaitTurn();
        pacer.throttled(headers(Map.of("Retry-After", "42")));
        pacer.awaitTurn();
        assertThat(ticker.elapsed()).isEqualTo(Duration.ofSeconds(42));
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        values.forEach((name, value) -> multi.put(name, List.of(value)));
        return HttpHeaders.of(multi, (name, value) -> true);
    }
}
