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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the demo's sandbox Zendesk remembers, answered in Zendesk's documented shapes: user fields
 * written with {@code update_many} or edited on one user ({@code PUT /api/v2/users/{id}}, as an
 * agent would) show on the user afterwards and in the incremental user export; each update job
 * answers {@code completed} with a result per user, read alone or with others ({@code show_many});
 * user fields, webhooks and triggers the installer creates are listed afterwards. Mappings opt in
 * with {@code "transformers": ["zendesk-state"]}.
 */
final class ZendeskSandboxState implements ResponseTransformerV2 {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpHeaders JSON_HEADERS = new HttpHeaders(
            new HttpHeader("Content-Type", "application/json; charset=utf-8"));

    /** The secret the sandbox's webhooks sign with: the demo's configured Zendesk webhook secret. */
    static final String DEMO_SIGNING_SECRET = "demo-zendesk-signing-secret";

    private final Map<Long, ObjectNode> userFields = new ConcurrentHashMap<>();
    private final Map<String, ArrayNode> jobResults = new ConcurrentHashMap<>();
    /** User ids in the order their fields changed; the export's cursor is a position in it. */
    private final List<Long> changes = new CopyOnWriteArrayList<>();
    private final Map<String, ArrayNode> created = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(360_000_000_000L);

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
            if (path.equals("/api/v2/incremental/users/cursor")) {
                return json(response, export(request.queryParameter("cursor").isPresent()
                        ? Integer.parseInt(request.queryParameter("cursor").firstValue()) : 0));
            }
            if (path.endsWith("/signing_secret")) {
                ObjectNode answer = JSON.createObjectNode();
                answer.putObject("signing_secret").put("algorithm", "SHA256").put("secret", DEMO_SIGNING_SECRET);
                return json(response, answer);
            }
            for (String collection : List.of("user_fields", "webhooks", "triggers")) {
                if (path.equals("/api/v2/" + collection)) {
                    return request.getMethod().getName().equals("POST")
                            ? json(response, create(collection, JSON.readTree(request.getBodyAsString())))
                            : json(response, list(collection));
                }
            }
            if (path.matches("/api/v2/job_statuses/show_many(\\.json)?")) {
                return json(response, jobs(request.queryParameter("ids").firstValue().split(",")));
            }
            if (path.startsWith("/api/v2/job_statuses/")) {
                ObjectNode answer = JSON.createObjectNode();
                answer.set("job_status", job(path.substring("/api/v2/job_statuses/".length()).replace(".json", "")));
                return json(response, answer);
            }
            if (path.startsWith("/api/v2/users/")) {
                if (request.getMethod().getName().equals("PUT")) {
                    long id = Long.parseLong(path.substring("/api/v2/users/".length()).replace(".json", ""));
                    remember(id, JSON.readTree(request.getBodyAsString()).path("user").path("user_fields"));
                    ObjectNode answer = JSON.createObjectNode();
                    answer.putObject("user").put("id", id).set("user_fields",
                            userFields.getOrDefault(id, JSON.createObjectNode()).deepCopy());
                    return json(response, answer);
                }
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
            remember(id, user.path("user_fields"));
            results.addObject().put("id", id).put("action", "update").put("status", "Updated").put("success", true);
        }
        jobResults.put(jobId, results);
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("job_status").put("id", jobId).put("status", "queued").put("total", results.size())
                .putNull("progress").putNull("message").putNull("results");
        return answer;
    }

    private void remember(long userId, JsonNode fields) {
        if (fields instanceof ObjectNode edited) {
            userFields.computeIfAbsent(userId, key -> JSON.createObjectNode()).setAll(edited);
            changes.add(userId);
        }
    }

    /** The users whose fields changed after position {@code after}, each once, with their fields. */
    private JsonNode export(int after) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode users = answer.putArray("users");
        List<Long> since = changes.subList(Math.min(after, changes.size()), changes.size());
        since.stream().distinct().forEach(id -> users.addObject().put("id", id)
                .set("user_fields", userFields.get(id).deepCopy()));
        answer.put("after_cursor", String.valueOf(after + since.size())).putNull("before_cursor")
                .put("end_of_stream", true);
        return answer;
    }

    private JsonNode create(String collection, JsonNode body) {
        ObjectNode item = (ObjectNode) body.path(singular(collection)).deepCopy();
        if (collection.equals("webhooks")) {
            item.put("id", "01" + Long.toString(ids.incrementAndGet(), 36).toUpperCase());
        } else {
            item.put("id", ids.incrementAndGet());
        }
        created.computeIfAbsent(collection, key -> JSON.createArrayNode()).add(item);
        ObjectNode answer = JSON.createObjectNode();
        answer.set(singular(collection), item);
        return answer;
    }

    private JsonNode list(String collection) {
        ObjectNode answer = JSON.createObjectNode();
        answer.set(collection, created.getOrDefault(collection, JSON.createArrayNode()).deepCopy());
        answer.putNull("next_page");
        return answer;
    }

    private static String singular(String collection) {
        return collection.substring(0, collection.length() - 1);
    }

    /** The jobs among {@code jobIds} the sandbox ran ({@code show_many} leaves out the ones it does not know). */
    private JsonNode jobs(String[] jobIds) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode statuses = answer.putArray("job_statuses");
        for (String jobId : jobIds) {
            if (jobResults.containsKey(jobId)) {
                statuses.add(job(jobId));
            }
        }
        return answer;
    }

    private ObjectNode job(String jobId) {
        ArrayNode results = jobResults.get(jobId);
        ObjectNode job = JSON.createObjectNode().put("id", jobId);
        if (results == null) {
            job.put("status", "failed").put("message", "unknown job");
        } else {
            job.put("status", "completed").put("total", results.size()).put("progress", results.size())
                    .put("message", "Completed").set("results", results);
        }
        return job;
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
