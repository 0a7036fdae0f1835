package io.tidings.app.providers.fcm;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.http.JsonMapping;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * OAuth 2.0 access tokens for the service account, obtained with a signed assertion
 * ({@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}) and reused until shortly before
 * they expire, so most sends cost one HTTP call.
 */
final class AccessTokens {

    /** A token is renewed this long before its expiry, so a send never carries one that lapses in flight. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);
    private static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final FcmSettings settings;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    AccessTokens(FcmSettings settings, HttpClient http, Duration timeout, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A token valid for a while yet: the cached one, or a new one. */
    synchronized String current() throws IOException, InterruptedException {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            obtain(now);
        }
        return token;
    }

    /** FCM refused the token (revoked, or the key was rotated): the next send obtains a new one. */
    synchronized void discard() {
        token = null;
    }

    private void obtain(Instant now) throws IOException, InterruptedException {
        String form = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8) + "&assertion="
                + TokenRequestAssertion.signed(settings.account(), settings.tokenUrl(), now);
        HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl())
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = readable(response.body());
        if (response.statusCode() != 200 || !body.path("access_token").isTextual()) {
            // The error names the OAuth error code only (e.g. invalid_grant); descriptions may echo the account.
            throw new TokenUnavailableException("the token endpoint answered HTTP " + response.statusCode()
                    + body.path("error").asText("").transform(error -> error.isEmpty() ? "" : " " + error));
        }
        Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(TokenRequestAssertion.LIFETIME.toSeconds()));
        token = body.path("access_token").asText();
        renewAt = now.plus(lifetime).minus(RENEW_BEFORE_EXPIRY);
    }

    private static JsonNode readable(String body) {
        try {
            return JsonMapping.MAPPER.readTree(body);
        } catch (IOException e) {
            return JsonMapping.MAPPER.createObjectNode();
        }
    }

    /** No access token could be obtained; a configuration or availability problem, so worth retrying later. */
    static final class TokenUnavailableException extends IOException {
        TokenUnavailableException(String message) {
            super(message);
        }
    }
}
