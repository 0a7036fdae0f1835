package io.tidings.zendesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Zendesk Support API calls Tidings makes, in Zendesk's documented request and response
 * shapes. Every call goes through {@link ZendeskHttp}, so all are paced and retried alike.
 */
public final class ZendeskClient {

    /** The most users one {@code update_many} or {@code create_or_update_many} call takes. */
    public static final int MAX_USERS_PER_CALL = 100;
    /** The most job ids one {@code show_many} read of job statuses is given. */
    public static final int MAX_JOBS_PER_READ = 100;
    private static final int MAX_PAGES = 1_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ZendeskHttp http;

    public ZendeskClient(ZendeskHttp http) {
        this.http = http;
    }

    /** Sets custom user fields of up to 100 users in one job ({@code PUT /api/v2/users/update_many}). */
    public JobStatus updateManyUsers(Map<Long, Map<String, Object>> userFieldsByUser) {
        requireBatch(userFieldsByUser.size());
        ArrayNode users = NODES.arrayNode();
        userFieldsByUser.forEach((id, fields) -> {
            ObjectNode user = users.addObject().put("id", id);
            user.set("user_fields", http.json().valueToTree(fields));
        });
        return JobStatus.read(http.put("/api/v2/users/update_many", NODES.objectNode().set("users", users)));
    }

    /** Creates or updates up to 100 users, matched by email or external id ({@code POST …/create_or_update_many}). */
    public JobStatus createOrUpdateManyUsers(List<ObjectNode> users) {
        requireBatch(users.size());
        ArrayNode array = NODES.arrayNode().addAll(users);
        return JobStatus.read(http.post("/api/v2/users/create_or_update_many", NODES.objectNode().set("users", array)));
    }

    /**
     * The statuses of up to 100 jobs in one call ({@code GET /api/v2/job_statuses/show_many?ids=…}),
     * in Zendesk's order; a job Zendesk no longer keeps is absent.
     */
    public List<JobStatus> jobStatuses(Collection<String> ids) {
        if (ids.isEmpty() || ids.size() > MAX_JOBS_PER_READ) {
            throw new IllegalArgumentException("a read takes 1 to " + MAX_JOBS_PER_READ + " job ids, not "
                    + ids.size());
        }
        String joined = ids.stream().map(ZendeskClient::encode).collect(Collectors.joining(","));
        List<JobStatus> statuses = new ArrayList<>();
        for (JsonNode job : http.get("/api/v2/job_statuses/show_many?ids=" + joined).path("job_statuses")) {
            statuses.add(JobStatus.of(job));
        }
        return statuses;
    }

    /** A user as Zendesk shows it ({@code GET /api/v2/users/{id}}), the {@code user} object. */
    public JsonNode user(long id) {
        return http.get("/api/v2/users/" + id).path("user");
    }

    /** Every custom user field of the account, following the pages. */
    public List<UserField> userFields() {
        List<UserField> fields = new ArrayList<>();
        for (JsonNode field : all("/api/v2/user_fields", "user_fields")) {
            fields.add(readField(field));
        }
        return fields;
    }

    public UserField createUserField(UserField field) {
        ObjectNode body = NODES.objectNode();
        body.putObject("user_field").put("key", field.key()).put("type", field.type()).put("title", field.title())
                .put("active", true);
        return readField(http.post("/api/v2/user_fields", body).path("user_field"));
    }

    /** The users changed since {@code startTime}: the first page of the incremental export. */
    public IncrementalUsersPage incrementalUsersSince(Instant startTime) {
        return readUsersPage(http.get("/api/v2/incremental/users/cursor?start_time=" + startTime.getEpochSecond()));
    }

    /** The page after {@code cursor} of the incremental export. */
    public IncrementalUsersPage incrementalUsersAfter(String cursor) {
        return readUsersPage(http.get("/api/v2/incremental/users/cursor?cursor=" + encode(cursor)));
    }

    public Ticket ticket(long id) {
        return Ticket.read(http.get("/api/v2/tickets/" + id).path("ticket"));
    }

    /** Changes a ticket ({@code PUT /api/v2/tickets/{id}}) with the fields of {@code ticket}. */
    public Ticket updateTicket(long id, ObjectNode ticket) {
        return Ticket.read(http.put("/api/v2/tickets/" + id, NODES.objectNode().set("ticket", ticket)).path("ticket"));
    }

    public Ticket createTicket(ObjectNode ticket) {
        return Ticket.read(http.post("/api/v2/tickets", NODES.objectNode().set("ticket", ticket)).path("ticket"));
    }

    /** The tickets the user requested, most recently updated first. */
    public List<Ticket> requestedTickets(long userId) {
        List<Ticket> tickets = new ArrayList<>();
        for (JsonNode ticket : all("/api/v2/users/" + userId + "/tickets/requested?sort_by=updated_at&sort_order=desc",
                "tickets")) {
            tickets.add(Ticket.read(ticket));
        }
        return tickets;
    }

    /** The account's webhooks ({@code GET /api/v2/webhooks}), each as Zendesk shows it. */
    public List<JsonNode> webhooks() {
        return all("/api/v2/webhooks", "webhooks");
    }

    /** Creates a webhook and answers it as Zendesk shows it. */
    public JsonNode createWebhook(ObjectNode webhook) {
        return http.post("/api/v2/webhooks", NODES.objectNode().set("webhook", webhook)).path("webhook");
    }

    /** The secret Zendesk signs the webhook's requests with. */
    public String webhookSigningSecret(String webhookId) {
        return http.get("/api/v2/webhooks/" + encode(webhookId) + "/signing_secret").path("signing_secret")
                .path("secret").asText();
    }

    /** The account's triggers, each as Zendesk shows it. */
    public List<JsonNode> triggers() {
        return all("/api/v2/triggers", "triggers");
    }

    public JsonNode createTrigger(ObjectNode trigger) {
        return http.post("/api/v2/triggers", NODES.objectNode().set("trigger", trigger)).path("trigger");
    }

    private List<JsonNode> all(String firstPath, String arrayName) {
        List<JsonNode> items = new ArrayList<>();
        String path = firstPath;
        for (int page = 0; path != null && page < MAX_PAGES; page++) {
            JsonNode answer = http.get(path);
            answer.path(arrayName).forEach(items::add);
            path = nextPath(answer);
        }
        return items;
    }

    /** The path of the next page: offset pagination's {@code next_page} or cursor pagination's {@code links.next}. */
    private static String nextPath(JsonNode answer) {
        String next = answer.path("next_page").asText(null);
        if (next == null && answer.path("meta").path("has_more").asBoolean(false)) {
            next = answer.path("links").path("next").asText(null);
        }
        if (next == null || next.isBlank()) {
            return null;
        }
        URI uri = URI.create(next);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static IncrementalUsersPage readUsersPage(JsonNode answer) {
        List<JsonNode> users = new ArrayList<>();
        answer.path("users").forEach(users::add);
        return new IncrementalUsersPage(users, answer.path("after_cursor").asText(null),
                answer.path("end_of_stream").asBoolean(false));
    }

    private static UserField readField(JsonNode field) {
        return new UserField(field.hasNonNull("id") ? field.get("id").asLong() : null, field.path("key").asText(),
                field.path("type").asText(), field.path("title").asText());
    }

    private static void requireBatch(int size) {
        if (size < 1 || size > MAX_USERS_PER_CALL) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_USERS_PER_CALL + " users, not " + size);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
