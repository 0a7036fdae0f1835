package io.tidings.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the demo's sandbox Zendesk remembers: user fields written with {@code update_many} show on
 * the users afterwards, and each update job answers {@code completed} with a result per user, in
 * Zendesk's documented shapes. Mappings opt in with {@code "transformers": ["zendesk-state"]}.
 */
final class ZendeskSandboxState implements ResponseTransformerV2 {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpHeaders JSON_HEADERS = new HttpHeaders(
            new HttpHeader("Content-Type", "application/json; charset=utf-8"));

    private final Map<Long, ObjectNode> userFields = new ConcurrentHashMap<>();
    private final Map<String, ArrayNode> jobResults = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return "zendesk-state";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        var request = serveEvent.getRequest();
        String path = request.getUrl().replaceFirst("\\?.*", "");
        try {
            if (path.equals("/api/v2/users/update_many")) {
                return json(response, updateMany(JSON.readTree(request.getBodyAsString())));
            }
            if (path.startsWith("/api/v2/job_statuses/")) {
                return json(response, job(path.substring("/api/v2/job_statuses/".length()).replace(".json", "")));
            }
            if (path.startsWith("/api/v2/users/")) {
                return json(response, withFields(JSON.readTree(response.getBodyAsString())));
            }
        } catch (IOException e) {
            return Response.Builder.like(response).but().status(400).body("{\"error\":\"InvalidJSON\"}").build();
        }
        return response;
    }

    private JsonNode updateMany(JsonNode body) {
        String jobId = UUID.randomUUID().toString().replace("-", "");
        ArrayNode results = JSON.createArrayNode();
        for (JsonNode user : body.path("users")) {
            long id = user.path("id").asLong();
            userFields.computeIfAbsent(id, key -> JSON.createObjectNode()).setAll((ObjectNode) user.path("user_fields"));
            results.addObject().put("id", id).put("action", "update").put("status", "Updated").put("success", true);
        }
        jobResults.put(jobId, results);
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("job_status").put("id", jobId).put("status", "queued").put("total", results.size())
                .putNull("progress").putNull("message").putNull("results");
        return answer;
    }

    private JsonNode job(String jobId) {
        ArrayNode results = jobResults.get(jobId);
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode job = answer.putObject("job_status").put("id", jobId);
        if (results == null) {
            job.put("status", "failed").put("message", "unknown job");
        } else {
            job.put("status", "completed").put("total", results.size()).put("progress", results.size())
                    .put("message", "Completed").set("results", results);
        }
        return answer;
    }

    private JsonNode withFields(JsonNode answer) {
        JsonNode user = answer.path("user");
        ObjectNode stored = userFields.get(user.path("id").asLong());
        if (stored != null && user instanceof ObjectNode shown) {
            ObjectNode fields = shown.path("user_fields") instanceof ObjectNode existing ? existing
                    : shown.putObject("user_fields");
            fields.setAll(stored);
        }
        return answer;
    }

    private static Response json(Response response, JsonNode body) throws IOException {
        return Response.Builder.like(response).but().status(200).headers(JSON_HEADERS)
                .body(JSON.writeValueAsString(body)).build();
    }
}
