package io.tidings.app.providers.fcm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidings.http.JsonMapping;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The signed JWT a service account presents to obtain an access token (RFC 7523, Google's
 * service-account flow): RS256 over issuer, scope, audience and a lifetime of at most an hour.
 */
final class TokenRequestAssertion {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TokenRequestAssertion() {
    }

    /** The compact JWT for {@code account}, addressed to the token endpoint {@code audience}, issued at {@code now}. */
    static String signed(ServiceAccount account, URI audience, Instant now) {
        ObjectNode header = JsonMapping.MAPPER.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        if (account.privateKeyId() != null) {
            header.put("kid", account.privateKeyId());
        }
        long issuedAt = now.getEpochSecond();
        ObjectNode claims = JsonMapping.MAPPER.createObjectNode()
                .put("iss", account.clientEmail())
                .put("scope", SCOPE)
                .put("aud", audience.toString())
                .put("iat", issuedAt)
                .put("exp", issuedAt + LIFETIME.toSeconds());
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(account.privateKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the FCM token request could not be signed", e);
        }
    }

    private static String encode(ObjectNode json) {
        try {
            return BASE64URL.encodeToString(JsonMapping.MAPPER.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JWT part could not be written", e);
        }
    }
}
