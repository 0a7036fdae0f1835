package io.tidings.zendesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The one HTTP setup for Zendesk: authentication, JSON, pacing to the account's rate limit,
 * {@code 429} with {@code Retry-After}, and retries of 5xx answers and broken connections with
 * exponential backoff. Other 4xx answers are the caller's mistake and are not retried.
 */
public final class ZendeskHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_ATTEMPTS = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ZendeskSettings settings;
    private final HttpClient client;
    private final RequestPacer pacer;
    private final RequestPacer.Ticker ticker;

    public ZendeskHttp(ZendeskSettings settings, RequestPacer.Ticker ticker) {
        this.settings = settings;
        this.ticker = ticker;
        this.pacer = new RequestPacer(settings.requestsPerMinute(), ticker);
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static ZendeskHttp of(ZendeskSettings settings) {
        return new ZendeskHttp(settings, RequestPacer.SYSTEM);
    }

    /** The JSON mapper requests are written with. */
    ObjectMapper json() {
        return JSON;
    }

    /** The pacer, e.g. to read the rate it settled on. */
    public RequestPacer pacer() {
        return pacer;
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    public JsonNode put(String path, JsonNode body) {
        return send("PUT", path, body);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest request = request(method, path, body);
        Duration backoff = FIRST_BACKOFF;
        String lastFailure = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            pacer.awaitTurn();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastFailure = e.toString();
                pause(backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ZendeskApiException("interrupted while calling Zendesk", e);
            }
            pacer.observe(response.headers());
            int status = response.statusCode();
            if (status == 429) {
                pacer.throttled(response.headers());
                lastFailure = "429 Too Many Requests";
                continue;
            }
            if (status >= 500) {
                lastFailure = status + " from Zendesk";
                pause(backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            }
            if (status >= 400) {
                throw new ZendeskApiException(status, method + " " + path + " answered " + status + ": "
                        + excerpt(response.body()));
            }
            return parse(response.body());
        }
        throw new ZendeskApiException(0, method + " " + path + " failed " + MAX_ATTEMPTS + " times, last: " + lastFailure);
    }

    private HttpRequest request(String method, String path, JsonNode body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("unwritable request body", e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .timeout(TIMEOUT)
                .header("Authorization", settings.credentials().authorization())
                .header("Accept", "application/json")
                .method(method, publisher);
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder.build();
    }

    private URI uri(String path) {
        String base = settings.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private void pause(Duration duration) {
        try {
            ticker.sleepNanos(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZendeskApiException("interrupted while backing off from Zendesk", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new ZendeskApiException(0, "Zendesk answered unreadable JSON: " + excerpt(body));
        }
    }

    private static String excerpt(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
