package io.tidings.app.api;

import io.tidings.client.ApiClient;

import java.net.URI;

/** The generated Java client, pointed at the server under test with a given API key. */
public final class TidingsApi {

    public static final String ADMIN_KEY = "tdk_test_admin_key_0123456789abcdef";
    /** The settings that put an in-memory H2 database in the PostgreSQL mode the server uses. */
    public static final String H2_MODE = ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private TidingsApi() {
    }

    public static ApiClient client(URI server, String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.toString().replaceAll("/$", ""));
        if (apiKey != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        }
        return client;
    }
}
