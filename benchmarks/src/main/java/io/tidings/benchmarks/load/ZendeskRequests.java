package io.tidings.benchmarks.load;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Zendesk {@code ticket.status_changed} event-subscription webhooks as Zendesk sends them, each
 * with a fresh event id and timestamp and signed base64(HMAC-SHA256(secret, timestamp + body)).
 */
public final class ZendeskRequests implements WebhookLoad.RequestFactory {

    private final URI uri;
    private final String secret;

    ZendeskRequests(URI uri, String secret) {
        this.uri = uri;
        this.secret = secret;
    }

    @Override
    public HttpRequest next() {
        String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String body = "{\"type\":\"zen:event-type:ticket.status_changed\",\"account_id\":88888888,\"id\":\""
                + UUID.randomUUID() + "\",\"time\":\"" + timestamp + "\",\"zendesk_event_version\":\"2022-11-06\","
                + "\"subject\":\"zen:ticket:35436\",\"detail\":{\"id\":\"35436\",\"requester_id\":\"20978392\","
                + "\"status\":\"SOLVED\",\"updated_at\":\"" + timestamp + "\",\"via\":{\"channel\":\"web\"}},"
                + "\"event\":{\"current\":\"SOLVED\",\"previous\":\"OPEN\"}}";
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
                .header("X-Zendesk-Webhook-Signature", signature(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Zendesk's signature of a delivery: base64(HMAC-SHA256(secret, timestamp + body)). */
    public static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
