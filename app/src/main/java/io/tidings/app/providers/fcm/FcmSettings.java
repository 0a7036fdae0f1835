package io.tidings.app.providers.fcm;

import java.net.URI;
import java.util.Objects;

/**
 * How Tidings reaches Firebase Cloud Messaging ({@code tidings.fcm.*}).
 *
 * @param account  the service account whose key signs token requests; a secret
 * @param baseUrl  where the FCM HTTP v1 API is, {@code https://fcm.googleapis.com} unless a test or the demo points elsewhere
 * @param tokenUrl where access tokens are obtained: the account's {@code token_uri} unless configured otherwise
 */
record FcmSettings(ServiceAccount account, URI baseUrl, URI tokenUrl) {

    FcmSettings {
        Objects.requireNonNull(account, "tidings.fcm.service-account");
        Objects.requireNonNull(baseUrl, "tidings.fcm.base-url");
        Objects.requireNonNull(tokenUrl, "tidings.fcm.token-url");
    }

    /** The URL messages are posted to. */
    URI sendUrl() {
        return baseUrl.resolve("/v1/projects/" + account.projectId() + "/messages:send");
    }
}
