package io.tidings.zendesk.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A Zendesk background job ({@code job_status}) as last read.
 *
 * @param id      the job's id
 * @param status  queued, working, failed, completed or killed
 * @param results one per item once the job is done, in the request's order
 */
public record JobStatus(String id, String status, List<Result> results) {

    public JobStatus {
        results = List.copyOf(results);
    }

    /** One item's outcome; {@code id} is the user (or ticket) id where Zendesk names it, else null. */
    public record Result(Long id, Integer index, String status, boolean failed, String error) {
    }

    /** Whether the job will not change any more. */
    public boolean finished() {
        return "completed".equals(status) || "failed".equals(status) || "killed".equals(status);
    }

    /** Whether the job as a whole completed (items may still have failed). */
    public boolean completed() {
        return "completed".equals(status);
    }

    /** The job of a {@code {"job_status": {…}}} answer. */
    static JobStatus read(JsonNode answer) {
        return of(answer.path("job_status"));
    }

    /** One {@code job_status} object. */
    static JobStatus of(JsonNode job) {
        List<Result> results = new ArrayList<>();
        for (JsonNode item : job.path("results")) {
            boolean failed = "Failed".equalsIgnoreCase(item.path("status").asText())
                    || item.hasNonNull("error") || (item.has("success") && !item.path("success").asBoolean());
            results.add(new Result(item.hasNonNull("id") ? item.get("id").asLong() : null,
                    item.hasNonNull("index") ? item.get("index").asInt() : null,
                    item.path("status").asText(null), failed,
                    item.hasNonNull("error") ? item.get("error").asText() + ": " + item.path("details").asText("") : null));
        }
        return new JobStatus(job.path("id").asText(), job.path("status").asText(), results);
    }
}
