package io.tidings.zendesk.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** How Tidings proves itself to Zendesk: an agent's API token or an OAuth access token. Never printed. */
public sealed interface ZendeskCredentials {

    /** The {@code Authorization} header value. */
    String authorization();

    /** Basic authentication as {@code {email}/token:{api_token}}. */
    record ApiToken(String email, String token) implements ZendeskCredentials {
        public ApiToken {
            Objects.requireNonNull(email, "tidings.zendesk.email");
            Objects.requireNonNull(token, "tidings.zendesk.api-token");
        }

        @Override
        public String authorization() {
            return "Basic " + Base64.getEncoder()
                    .encodeToString((email + "/token:" + token).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "ApiToken[token=***]";
        }
    }

    /** An OAuth access token sent as a bearer token. */
    record OAuth(String accessToken) implements ZendeskCredentials {
        public OAuth {
            Objects.requireNonNull(accessToken, "tidings.zendesk.oauth-token");
        }

        @Override
        public String authorization() {
            return "Bearer " + accessToken;
        }

        @Override
        public String toString() {
            return "OAuth[accessToken=***]";
        }
    }
}
