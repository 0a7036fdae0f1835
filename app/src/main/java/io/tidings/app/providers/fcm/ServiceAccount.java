package io.tidings.app.providers.fcm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.http.JsonMapping;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * A Google service account, as in the JSON key file the Firebase console hands out.
 *
 * @param projectId    the Firebase project messages are sent in
 * @param clientEmail  the account, the issuer of its token requests
 * @param privateKeyId the key's id, named in the assertion's header
 * @param privateKey   the RSA key that signs token requests; a secret, never printed
 * @param tokenUri     where access tokens are obtained
 */
record ServiceAccount(String projectId, String clientEmail, String privateKeyId, PrivateKey privateKey,
                      URI tokenUri) {

    ServiceAccount {
        Objects.requireNonNull(projectId, "project_id");
        Objects.requireNonNull(clientEmail, "client_email");
        Objects.requireNonNull(privateKey, "private_key");
        Objects.requireNonNull(tokenUri, "token_uri");
    }

    /** Reads a service-account key file's JSON; errors never quote the key. */
    static ServiceAccount fromJson(String json) {
        JsonNode key;
        try {
            key = JsonMapping.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the FCM service account is not readable JSON");
        }
        if (!"service_account".equals(key.path("type").asText())) {
            throw new IllegalArgumentException("the FCM service account's JSON is not of type service_account");
        }
        return new ServiceAccount(text(key, "project_id"), text(key, "client_email"),
                key.path("private_key_id").asText(null), privateKey(text(key, "private_key")),
                URI.create(text(key, "token_uri")));
    }

    private static String text(JsonNode key, String field) {
        String value = key.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("the FCM service account has no " + field);
        }
        return value;
    }

    private static PrivateKey privateKey(String pem) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the FCM service account's private_key is not a PKCS#8 RSA key");
        }
    }

    @Override
    public String toString() {
        return "ServiceAccount[projectId=" + projectId + ", clientEmail=" + clientEmail + ", privateKey=***, tokenUri="
                + tokenUri + "]";
    }
}
