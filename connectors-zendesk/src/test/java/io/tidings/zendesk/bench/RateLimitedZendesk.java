package io.tidings.zendesk.bench;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * A Zendesk account's rate limit in front of a WireMock fake: at most {@code budget} requests per
 * fixed window; beyond it, {@code 429} with the {@code Retry-After} of the window's end, as Zendesk
 * answers. Every answer within the budget carries {@code X-Rate-Limit} and {@code X-Rate-Limit-Remaining}.
 */
final class RateLimitedZendesk implements StubRequestFilterV2 {

    private final int budget;
    private final long windowNanos;
    /** Windows count from the first request, so that setting up the data does not spend any. */
    private long start = -1;
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
            windows.add(new int[2]);
        }
        int[] counts = windows.get(window);
        if (counts[0] >= budget) {
            counts[1]++;
            long retryAfter = Math.max(1, Duration.ofNanos((window + 1) * windowNanos - elapsed).toSeconds() + 1);
            return RequestFilterAction.stopWith(aResponse().withStatus(429)
                    .withHeader("Retry-After", String.valueOf(retryAfter)).build());
        }
        counts[0]++;
        return RequestFilterAction.continueWith(request);
    }

    /** Per window: requests served, 429s answered. */
    synchronized List<int[]> windows() {
        return windows.stream().map(int[]::clone).toList();
    }
}
