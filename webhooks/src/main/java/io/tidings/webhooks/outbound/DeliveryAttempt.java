package io.tidings.webhooks.outbound;

import java.time.Duration;
import java.time.Instant;

/**
 * What one attempt to deliver a webhook message found.
 *
 * @param statusCode the endpoint's HTTP status, or null when there was no answer
 * @param error      why there was no answer (timeout, refused connection, address not allowed), or null
 * @param retryAfter the endpoint's Retry-After, or null
 */
public record DeliveryAttempt(Instant at, Integer statusCode, String error, Duration duration, Duration retryAfter) {

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** The endpoint asked to be sent less (429) or its gateway is struggling (502, 504). */
    public boolean asksToSlowDown() {
        return statusCode != null && (statusCode == 429 || statusCode == 502 || statusCode == 504);
    }

    /** The endpoint says it is gone for good. */
    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }

    String summary() {
        return statusCode != null ? "HTTP " + statusCode : error;
    }
}
