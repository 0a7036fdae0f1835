package io.tidings.app.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tidings.http.JsonMapping;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Google service-account key file made up on the spot, with a fresh RSA key that exists only in
 * memory: what the demo's sandbox FCM is configured with, so no private key is ever committed.
 *
 * @param json      the key file's JSON, as {@code tidings.fcm.service-account} takes it
 * @param publicKey the public half, to check what the key signed
 */
public record ThrowawayServiceAccount(String json, PublicKey publicKey) {

    public static final String CLIENT_EMAIL = "tidings-demo@tidings-demo.iam.gserviceaccount.com";

    /** A key file for project {@code projectId} whose token requests go to {@code tokenUri}. */
    public static ThrowawayServiceAccount generate(String projectId, URI tokenUri) {
        KeyPair keys;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no RSA", e);
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> file = new LinkedHashMap<>();
        file.put("type", "service_account");
        file.put("project_id", projectId);
        file.put("private_key_id", "throwaway-key");
        file.put("private_key", pem);
        file.put("client_email", CLIENT_EMAIL);
        file.put("client_id", "100000000000000000000");
        file.put("token_uri", tokenUri.toString());
        try {
            return new ThrowawayServiceAccount(JsonMapping.MAPPER.writeValueAsString(file), keys.getPublic());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a service-account file could not be written", e);
        }
    }

    @Override
    public String toString() {
        return "ThrowawayServiceAccount[" + CLIENT_EMAIL + "]";
    }
}
