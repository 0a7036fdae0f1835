package io.tidings.zendesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Zendesk's background jobs in the fake, in its documented shapes: each {@code update_many} call
 * becomes a job, {@code working} for {@code delay} and then {@code completed} with a result per
 * user; {@code show_many} answers the jobs asked for. Stubs opt in with the transformer's name.
 */
final class DelayedJobs implements ResponseTransformerV2 {

    static final String NAME = "delayed-jobs";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpHeader JSON_TYPE = new HttpHeader("Content-Type", "application/json; charset=utf-8");

    private record Job(long createdAt, List<Long> users) {
    }

    private final long delayNanos;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(0x8b726e606741L);
    private final AtomicLong workingAnswers = new AtomicLong();

    DelayedJobs(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        var request = serveEvent.getRequest();
        ObjectNode answer = JSON.createObjectNode();
        if (request.getUrl().startsWith("/api/v2/job_statuses/show_many")) {
            ArrayNode statuses = answer.putArray("job_statuses");
            for (String id : request.queryParameter("ids").firstValue().split(",")) {
                Job job = jobs.get(id);
                if (job != null) {
                    statuses.add(status(id, job));
                }
            }
        } else {
            List<Long> users = new ArrayList<>();
            read(request.getBodyAsString()).path("users").forEach(user -> users.add(user.path("id").asLong()));
            String id = Long.toHexString(ids.incrementAndGet());
            jobs.put(id, new Job(System.nanoTime(), users));
            answer.putObject("job_status").put("id", id).put("status", "queued").put("total", users.size())
                    .putNull("progress").putNull("message").putNull("results");
        }
        try {
            return Response.Builder.like(response).but().status(200).headers(response.getHeaders().plus(JSON_TYPE))
                    .body(JSON.writeValueAsString(answer)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many users the update jobs accepted from {@code from} (inclusive) to {@code to} ({@link System#nanoTime()}) carry. */
    long usersAcceptedBetween(long from, long to) {
        return jobs.values().stream().filter(job -> job.createdAt() - from >= 0 && job.createdAt() - to < 0)
                .mapToLong(job -> job.users().size()).sum();
    }

    /** How many job statuses were answered {@code working}: reads that came before a job was done. */
    long workingAnswers() {
        return workingAnswers.get();
    }

    private ObjectNode status(String id, Job job) {
        ObjectNode status = JSON.createObjectNode().put("id", id).put("job_type", "Bulk Update Users")
                .put("total", job.users().size());
        if (System.nanoTime() - job.createdAt() < delayNanos) {
            workingAnswers.incrementAndGet();
            return status.put("status", "working").put("progress", 0).putNull("message").putNull("results");
        }
        status.put("status", "completed").put("progress", job.users().size()).put("message", "Completed");
        ArrayNode results = status.putArray("results");
        job.users().forEach(user -> results.addObject().put("id", user).put("action", "update")
                .put("status", "Updated").put("success", true));
        return status;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
