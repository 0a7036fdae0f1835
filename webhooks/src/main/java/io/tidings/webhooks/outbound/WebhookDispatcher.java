package io.tidings.webhooks.outbound;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Delivers due webhook messages: signs each per Standard Webhooks with the endpoint's secret,
 * POSTs it, logs the attempt and moves the message along the {@link RetrySchedule}. A 410 disables
 * the endpoint; 429, 502 and 504 hold the whole endpoint back (at least 30 s, or its Retry-After).
 */
@ApplicationScoped
public class WebhookDispatcher {

    static final int BATCH = 50;
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration SLOW_DOWN = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

    private final WebhookMessageStore messages;
    private final WebhookEndpointStore endpoints;
    private final EndpointAddressPolicy addresses;
    private final Clock clock;
    // Redirects are not followed: a redirect could lead past the address policy.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    public WebhookDispatcher(WebhookMessageStore messages, WebhookEndpointStore endpoints,
                             EndpointAddressPolicy addresses, Clock clock) {
        this.messages = messages;
        this.endpoints = endpoints;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** Delivers one batch of due messages; returns how many it claimed. */
    public int dispatchDue() {
        List<WebhookMessage> due = messages.claimDue(BATCH, LEASE);
        for (WebhookMessage message : due) {
            deliver(message);
        }
        return due.size();
    }

    private void deliver(WebhookMessage message) {
        Optional<WebhookEndpoint> endpoint = endpoints.find(message.endpointId());
        Optional<EndpointSecret> secret = endpoints.secret(message.endpointId());
        if (endpoint.isEmpty() || secret.isEmpty()) {
            return; // removed meanwhile; its messages went with it
        }
        DeliveryAttempt attempt = send(endpoint.get().url(), secret.get(), message);
        Instant now = clock.instant();
        Instant retryAt = attempt.succeeded() ? null
                : RetrySchedule.delayAfter(message.attempts() + 1).map(now::plus).orElse(null);
        if (attempt.gone()) {
            messages.disable(message.endpointId(), "The endpoint answered 410 Gone.");
            retryAt = null;
        } else if (attempt.asksToSlowDown()) {
            Duration wait = attempt.retryAfter() == null || attempt.retryAfter().compareTo(SLOW_DOWN) < 0 ? SLOW_DOWN
                    : min(attempt.retryAfter(), LONGEST_RETRY_AFTER);
            messages.throttle(message.endpointId(), now.plus(wait));
            if (retryAt != null && retryAt.isBefore(now.plus(wait))) {
                retryAt = now.plus(wait);
            }
        }
        messages.recordAttempt(message, attempt, retryAt);
    }

    private DeliveryAttempt send(URI url, EndpointSecret secret, WebhookMessage message) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        if (!addresses.permits(url)) {
            return new DeliveryAttempt(at, null, "the endpoint's address is not allowed", Duration.ZERO, null);
        }
        try {
            long timestamp = at.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Tidings-Webhooks")
                    .header("webhook-id", message.id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", new Webhook(secret.value()).sign(message.id(), timestamp, message.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(message.payload()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new DeliveryAttempt(at, response.statusCode(), null, Duration.ofNanos(System.nanoTime() - started),
                    retryAfter(response));
        } catch (IOException e) {
            return new DeliveryAttempt(at, null, e.getClass().getSimpleName(), Duration.ofNanos(System.nanoTime() - started),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryAttempt(at, null, "interrupted", Duration.ofNanos(System.nanoTime() - started), null);
        } catch (EmptyWebhookSecretException | WebhookSigningException e) {
            throw new IllegalStateException("a stored whsec_ secret always signs", e);
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.strip().matches("\\d{1,9}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                .orElse(null);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
