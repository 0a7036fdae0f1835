package io.tidings.zendesk.client;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Spaces requests to one Zendesk account evenly over the minute so that they never exceed its
 * per-minute budget (any 60 seconds hold at most the budget), and holds them back while Zendesk
 * says the window is spent: after a {@code 429} until its {@code Retry-After}, after a zero
 * remaining count until the window resets when Zendesk says when ({@code ratelimit-reset}, which
 * only its list endpoints send). A zero remaining count without a reset time holds nothing back
 * beyond the pace: a run that spends its budget evenly sees one at the end of every window, and
 * the next request either opens a new window or draws a 429 whose {@code Retry-After} names the
 * wait, where guessing a whole minute would lose most of the next window. Zendesk's own limit,
 * when its headers name a lower one than configured, wins. Shared by every thread that talks to
 * the account.
 */
public final class RequestPacer {

    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    /** Where the pacer reads the time and waits; the real one is {@link #SYSTEM}. */
    public interface Ticker {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    public static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(Duration.ofNanos(nanos));
        }
    };

    private final Ticker ticker;
    private final int configuredPerMinute;
    private long intervalNanos;
    private long nextSlot;
    private long pausedUntil;

    public RequestPacer(int requestsPerMinute, Ticker ticker) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute must be at least 1");
        }
        this.ticker = ticker;
        this.configuredPerMinute = requestsPerMinute;
        this.intervalNanos = MINUTE_NANOS / requestsPerMinute;
        this.nextSlot = ticker.nanoTime();
        this.pausedUntil = nextSlot;
    }

    /** Waits until the next request may go. */
    public void awaitTurn() {
        long wait;
        synchronized (this) {
            long now = ticker.nanoTime();
            long slot = Math.max(now, Math.max(nextSlot, pausedUntil));
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            try {
                ticker.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ZendeskApiException("interrupted while waiting for the Zendesk rate limit", e);
            }
        }
    }

    /** Reads Zendesk's rate-limit headers from an answer. */
    public void observe(HttpHeaders headers) {
        OptionalLong limit = firstLong(headers, "X-Rate-Limit", "ratelimit-limit");
        OptionalLong remaining = firstLong(headers, "X-Rate-Limit-Remaining", "ratelimit-remaining");
        OptionalLong reset = firstLong(headers, "ratelimit-reset");
        synchronized (this) {
            if (limit.isPresent() && limit.getAsLong() > 0 && limit.getAsLong() < configuredPerMinute) {
                intervalNanos = Math.max(intervalNanos, MINUTE_NANOS / limit.getAsLong());
            }
            if (remaining.isPresent() && remaining.getAsLong() <= 0 && reset.isPresent()) {
                pausedUntil = Math.max(pausedUntil, ticker.nanoTime() + Duration.ofSeconds(reset.getAsLong()).toNanos());
            }
        }
    }

    /** Holds every request back for the {@code Retry-After} of a 429 (a minute when it names none). */
    public void throttled(HttpHeaders headers) {
        OptionalLong retryAfter = firstLong(headers, "Retry-After");
        long pause = retryAfter.isPresent() ? Duration.ofSeconds(retryAfter.getAsLong()).toNanos() : MINUTE_NANOS;
        synchronized (this) {
            pausedUntil = Math.max(pausedUntil, ticker.nanoTime() + pause);
        }
    }

    /** The requests per minute the pacer currently allows. */
    public synchronized long requestsPerMinute() {
        return MINUTE_NANOS / intervalNanos;
    }

    private static OptionalLong firstLong(HttpHeaders headers, String... names) {
        for (String name : names) {
            var value = headers.firstValue(name);
            if (value.isPresent()) {
                try {
                    return OptionalLong.of(Long.parseLong(value.get().strip()));
                } catch (NumberFormatException e) {
                    // an HTTP-date Retry-After or a malformed header: fall through to the default
                }
            }
        }
        return OptionalLong.empty();
    }
}
