package io.tidings.app.api;

import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Client mistakes, sent raw: each gets the right status as problem+json, names the field where
 * there is one, and writes nothing.
 */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:bad-requests" + TidingsApi.H2_MODE)
@AddConfig(key = "tidings.admin-key", value = TidingsApi.ADMIN_KEY)
class BadRequestsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ONE_MIB_AND_A_BIT = "{\"email\":\"" + "a".repeat(1024 * 1024) + "\"}";

    @Inject
    WebTarget server;

    @Inject
    Jdbi jdbi;

    static Stream<Arguments> mistakes() {
        return Stream.of(
                arguments("malformed JSON", "POST", "/api/v1/customers", "application/json", "{\"email\":", 400, null),
                arguments("trailing garbage", "POST", "/api/v1/customers", "application/json", "{} {}", 400, null),
                arguments("an array for an object", "POST", "/api/v1/customers", "application/json", "[]", 400, null),
                arguments("body over 1 MiB", "POST", "/api/v1/customers", "application/json", ONE_MIB_AND_A_BIT, 413, null),
                arguments("form instead of JSON", "POST", "/api/v1/customers", "application/x-www-form-urlencoded", "email=a", 415, null),
                arguments("unknown route", "GET", "/api/v1/nothing-here", null, null, 404, null),
                arguments("unknown route outside the API", "GET", "/nothing-here", null, null, 404, null),
                arguments("wrong method", "PATCH", "/api/v1/customers", "application/json", "{}", 405, null),
                arguments("unknown field", "POST", "/api/v1/customers", "application/json", "{\"emial\":\"a@example.com\"}", 422, "/emial"),
                arguments("invalid phone", "POST", "/api/v1/customers", "application/json", "{\"phone\":\"12\"}", 422, "/phone"),
                arguments("field of the wrong type", "POST", "/api/v1/customers", "application/json", "{\"segments\":\"vip\"}", 422, "/segments"),
                arguments("unknown enum value", "POST", "/api/v1/api-keys", "application/json", "{\"name\":\"x\",\"role\":\"boss\"}", 422, "/role"),
                arguments("missing required field", "POST", "/api/v1/api-keys", "application/json", "{\"name\":\"x\"}", 422, "/role"),
                arguments("bulk over 1,000 items", "POST", "/api/v1/customers/bulk", "application/json", bulkOf(1001), 422, "/customers"),
                arguments("query parameter of the wrong type", "GET", "/api/v1/customers?limit=many", null, null, 400, "limit"),
                arguments("limit out of range", "GET", "/api/v1/customers?limit=0", null, null, 422, "limit"),
                arguments("cursor not from us", "GET", "/api/v1/customers?cursor=bm90LWEtdXVpZA", null, null, 422, "cursor"),
                arguments("id that is not a UUID", "GET", "/api/v1/customers/42", null, null, 400, "customerId"));
    }

    @ParameterizedTest(name = "{0} -> {5}")
    @MethodSource
    void mistakes(String name, String method, String path, String contentType, String body, int status, String field)
            throws IOException, InterruptedException {
        long rowsBefore = rows();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getUri() + path))
                .header("Authorization", "Bearer " + TidingsApi.ADMIN_KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }

        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).contains("\"title\":");
        if (field != null) {
            assertThat(response.body()).contains("\"field\":\"" + field + "\"");
        }
        assertThat(rows()).as("a rejected request writes nothing").isEqualTo(rowsBefore);
    }

    /** A body of unknown length goes out chunked, with no Content-Length to refuse it by. */
    @ParameterizedTest(name = "chunked body of {0} bytes -> 413")
    @MethodSource("chunkedSizes")
    void chunkedBodiesAreCountedToo(int bytes) throws IOException, InterruptedException {
        long rowsBefore = rows();
        byte[] payload = ("{\"email\":\"" + "a".repeat(bytes) + "\"}").getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getUri() + "/api/v1/customers"))
                .header("Authorization", "Bearer " + TidingsApi.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(payload)))
                .build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(rows()).isEqualTo(rowsBefore);
    }

    static Stream<Integer> chunkedSizes() {
        return Stream.of(1024 * 1024, 4 * 1024 * 1024);
    }

    private long rows() {
        return jdbi.withHandle(handle -> handle.createQuery(
                "select (select count(*) from customer) + (select count(*) from api_key)").mapTo(Long.class).one());
    }

    private static String bulkOf(int items) {
        StringBuilder body = new StringBuilder("{\"customers\":[");
        for (int i = 0; i < items; i++) {
            body.append(i == 0 ? "" : ",").append("{\"externalRefs\":{\"zendeskUserId\":\"").append(i + 1).append("\"}}");
        }
        return body.append("]}").toString();
    }
}
