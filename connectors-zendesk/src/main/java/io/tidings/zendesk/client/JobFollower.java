package io.tidings.zendesk.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows many Zendesk background jobs at once until each ends. All outstanding jobs are read in
 * one {@code show_many} call, so a read costs one request however many jobs are out; reads come
 * no more often than once per poll interval, and not before the oldest job has had one interval
 * to work. At most {@code maxOutstanding} jobs are followed, as Zendesk refuses new jobs beyond
 * its job queue limit. One worker owns a follower: it is not thread-safe.
 */
public final class JobFollower {

    /** Zendesk's job queue limit: an account holds at most 30 queued or running background jobs. */
    public static final int ZENDESK_JOB_LIMIT = 30;

    private static final System.Logger LOG = System.getLogger(JobFollower.class.getName());

    /**
     * A job that is not followed any more.
     *
     * @param job     its last status: finished, or still unfinished when given up on
     * @param givenUp whether it was given up on (unknown to Zendesk, or unfinished for too long)
     */
    public record Ended(JobStatus job, boolean givenUp) {
    }

    private record Followed(JobStatus last, long since) {
    }

    private final ZendeskClient client;
    private final long intervalNanos;
    private final Duration giveUpAfter;
    private final int maxOutstanding;
    private final RequestPacer.Ticker ticker;
    private final Map<String, Followed> outstanding = new LinkedHashMap<>();
    private long lastRead;

    /**
     * @param pollInterval   the least time between two reads
     * @param giveUpAfter    how long a job may stay unfinished before it is given up on
     * @param maxOutstanding the most jobs followed at once, 1 to Zendesk's limit of 30
     */
    public JobFollower(ZendeskClient client, Duration pollInterval, Duration giveUpAfter, int maxOutstanding,
                       RequestPacer.Ticker ticker) {
        if (maxOutstanding < 1 || maxOutstanding > ZENDESK_JOB_LIMIT) {
            throw new IllegalArgumentException("outstanding jobs: 1 to " + ZENDESK_JOB_LIMIT + ", not "
                    + maxOutstanding);
        }
        this.client = client;
        this.intervalNanos = pollInterval.toNanos();
        this.giveUpAfter = giveUpAfter;
        this.maxOutstanding = maxOutstanding;
        this.ticker = ticker;
        this.lastRead = ticker.nanoTime() - intervalNanos;
    }

    public Duration giveUpAfter() {
        return giveUpAfter;
    }

    /** Follows a job Zendesk has just accepted. */
    public void follow(JobStatus job) {
        if (full()) {
            throw new IllegalStateException("already following " + maxOutstanding + " jobs");
        }
        if (outstanding.putIfAbsent(job.id(), new Followed(job, ticker.nanoTime())) != null) {
            throw new IllegalStateException("job " + job.id() + " is followed already");
        }
    }

    /** Whether no other job may be followed until one ends. */
    public boolean full() {
        return outstanding.size() >= maxOutstanding;
    }

    public boolean idle() {
        return outstanding.isEmpty();
    }

    /** Reads the outstanding jobs if a read is due; answers the jobs that ended (none when no read was due). */
    public List<Ended> readIfDue() {
        return idle() || ticker.nanoTime() - dueAt() < 0 ? List.of() : read();
    }

    /** Waits until a read is due, then reads; answers the jobs that ended. */
    public List<Ended> awaitRead() {
        if (idle()) {
            return List.of();
        }
        long wait = dueAt() - ticker.nanoTime();
        if (wait > 0) {
            try {
                ticker.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ZendeskApiException("interrupted while waiting to read Zendesk jobs", e);
            }
        }
        return read();
    }

    private long dueAt() {
        long oldest = outstanding.values().stream().mapToLong(Followed::since).min().orElseThrow();
        return Math.max(lastRead, oldest) + intervalNanos;
    }

    private List<Ended> read() {
        lastRead = ticker.nanoTime();
        Map<String, JobStatus> answered = new HashMap<>();
        boolean readable = true;
        try {
            client.jobStatuses(outstanding.keySet()).forEach(job -> answered.put(job.id(), job));
        } catch (ZendeskApiException e) {
            readable = false;
            LOG.log(System.Logger.Level.WARNING, "reading " + outstanding.size()
                    + " Zendesk job statuses failed; they are read again later: " + e.getMessage());
        }
        List<Ended> ended = new ArrayList<>();
        for (var entry : List.copyOf(outstanding.entrySet())) {
            String id = entry.getKey();
            Followed followed = entry.getValue();
            boolean lost = readable && !answered.containsKey(id);
            JobStatus job = lost ? unknown(id) : answered.getOrDefault(id, followed.last());
            boolean overdue = lastRead - followed.since() >= giveUpAfter.toNanos();
            if (job.finished() || lost || overdue) {
                outstanding.remove(id);
                ended.add(new Ended(job, !job.finished()));
            } else {
                outstanding.put(id, new Followed(job, followed.since()));
            }
        }
        return ended;
    }

    private static JobStatus unknown(String id) {
        return new JobStatus(id, "unknown to Zendesk", List.of());
    }
}
