package io.tidings.app.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/** Signs test deliveries as Zendesk does: base64(HMAC-SHA256(secret, timestamp + body)). */
public final class ZendeskSigning {

    private ZendeskSigning() {
    }

    public static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Now, as Zendesk writes X-Zendesk-Webhook-Signature-Timestamp. */
    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String statusChanged(String id, String time) {
        return "{\"type\":\"zen:event-type:ticket.status_changed\",\"account_id\":88888888,\"id\":\"" + id + "\","
                + "\"time\":\"" + time + "\",\"zendesk_event_version\":\"2022-11-06\",\"subject\":\"zen:ticket:35436\","
                + "\"detail\":{\"id\":\"35436\",\"requester_id\":\"20978392\",\"status\":\"SOLVED\","
                + "\"updated_at\":\"" + time + "\",\"via\":{\"channel\":\"web\"}},"
                + "\"event\":{\"current\":\"SOLVED\",\"previous\":\"OPEN\"}}";
    }
}
