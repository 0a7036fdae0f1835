package io.tidings.zendesk.bench;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * A Zendesk account's rate limit in front of a WireMock fake: at most {@code budget} requests per
 * fixed window; beyond it, {@code 429} with the {@code Retry-After} of the window's end, as Zendesk
 * answers. Every answer within the budget carries {@code X-Rate-Limit} (per minute) and
 * {@code X-Rate-Limit-Remaining} (in the window), and no {@code ratelimit-reset}: Zendesk sends that
 * on list endpoints only. Requests come one at a time in the harness, so an answer's remaining
 * count is the window's when it is sent.
 */
final class RateLimitedZendesk implements StubRequestFilterV2, ResponseTransformerV2 {

    /** What one window saw. */
    record Window(int served, int jobReads, int throttled) {
    }

    private static final String JOB_READS = "/api/v2/job_statuses";

    private final int budget;
    private final long windowNanos;
    /** Windows count from the first request, so that setting up the data does not spend any. */
    private long start = -1;
    /** Per window: requests served, of them job-status reads, and 429s. */
    private final List<int[]> windows = new ArrayList<>();

    RateLimitedZendesk(int budget, Duration window) {
        this.budget = budget;
        this.windowNanos = window.toNanos();
    }

    @Override
    public String getName() {
        return "rate-limited-zendesk";
    }

    @Override
    public synchronized RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        if (start < 0) {
            start = System.nanoTime();
        }
        long elapsed = System.nanoTime() - start;
        int window = (int) (elapsed / windowNanos);
        while (windows.size() <= window) {
            windows.add(new int[3]);
        }
        int[] counts = windows.get(window);
        if (counts[0] >= budget) {
            counts[2]++;
            long retryAfter = Math.max(1, Duration.ofNanos((window + 1) * windowNanos - elapsed).toSeconds() + 1);
            return RequestFilterAction.stopWith(aResponse().withStatus(429)
                    .withHeader("Retry-After", String.valueOf(retryAfter)).build());
        }
        counts[0]++;
        if (request.getUrl().startsWith(JOB_READS)) {
            counts[1]++;
        }
        return RequestFilterAction.continueWith(request);
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public synchronized Response transform(Response response, ServeEvent serveEvent) {
        int served = windows.isEmpty() ? 0 : windows.getLast()[0];
        return Response.Builder.like(response).but().headers(response.getHeaders().plus(
                new HttpHeader("X-Rate-Limit", String.valueOf(budget * Duration.ofMinutes(1).toNanos() / windowNanos)),
                new HttpHeader("X-Rate-Limit-Remaining", String.valueOf(Math.max(0, budget - served))))).build();
    }

    /** When the first request came ({@link System#nanoTime()}), so when the first window began; empty before it. */
    synchronized OptionalLong firstRequestAt() {
        return start < 0 ? OptionalLong.empty() : OptionalLong.of(start);
    }

    synchronized List<Window> windows() {
        return windows.stream().map(counts -> new Window(counts[0], counts[1], counts[2])).toList();
    }
}
