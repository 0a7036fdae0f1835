package io.tidings.zendesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.tidings.customer.Customer;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.ExternalRefs;
import io.tidings.preference.CategoryPolicies;
import io.tidings.testing.TestDatabase;
import io.tidings.zendesk.client.JobFollower;
import io.tidings.zendesk.client.RequestPacer;
import io.tidings.zendesk.client.ZendeskClient;
import io.tidings.zendesk.client.ZendeskCredentials;
import io.tidings.zendesk.client.ZendeskHttp;
import io.tidings.zendesk.client.ZendeskSettings;
import io.tidings.zendesk.sync.TidingsStores;
import io.tidings.zendesk.sync.ZendeskUserFieldSync;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The sync-efficiency figure: the user field sync against a fake Zendesk that allows
 * {@code tidings.bench.budget} requests per {@code tidings.bench.window} (429 beyond), with
 * {@code tidings.bench.queued} customers queued (enough for the run and a fifth more by default).
 * Zendesk counts its limit per minute per account; the fake's windows begin with the first request,
 * and the run lasts {@code tidings.bench.duration} (whole windows) from it; then the jobs still out
 * are settled. Each update job works for {@code tidings.bench.job-delay} (PT0.5S) before it
 * completes; the sync keeps up to {@code tidings.bench.max-outstanding-jobs} (30) jobs out and reads
 * them at most every {@code tidings.bench.job-poll-interval} (PT1S). Prints the users written within
 * the run's windows per minute against the ceiling (budget × 100 per minute), and, apart, what the
 * worker's start-up and the settling cost: the users synced (their jobs completed and read) per
 * minute from the worker's start to the last job settled. Then the share of update calls that
 * carried a full batch, the job-status reads, and per window the requests served and 429s. Not a
 * test: it runs only when {@code tidings.bench.budget} is set, and asserts nothing.
 */
@EnabledIfSystemProperty(named = "tidings.bench.budget", matches = "\\d+")
class SyncEfficiencyHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPDATE_MANY = "/api/v2/users/update_many";
    private static final String SHOW_MANY = "/api/v2/job_statuses/show_many";

    @Test
    void measure() throws Exception {
        int budget = Integer.parseInt(System.getProperty("tidings.bench.budget"));
        Duration window = Duration.parse(System.getProperty("tidings.bench.window", "PT1M"));
        Duration duration = Duration.parse(System.getProperty("tidings.bench.duration", "PT3M"));
        Duration jobDelay = Duration.parse(System.getProperty("tidings.bench.job-delay", "PT0.5S"));
        Duration jobPoll = Duration.parse(System.getProperty("tidings.bench.job-poll-interval", "PT1S"));
        int maxJobs = Integer.parseInt(System.getProperty("tidings.bench.max-outstanding-jobs",
                String.valueOf(JobFollower.ZENDESK_JOB_LIMIT)));
        double perMinute = budget * (60.0 / window.toSeconds());
        RateLimitedZendesk limit = new RateLimitedZendesk(budget, window);
        DelayedJobs jobs = new DelayedJobs(jobDelay);
        WireMockServer zendesk = new WireMockServer(options().dynamicPort().extensions(limit, jobs)
                .containerThreads(8));
        zendesk.start();
        zendesk.stubFor(put(urlPathEqualTo(UPDATE_MANY)).willReturn(ok().withTransformers(DelayedJobs.NAME)));
        zendesk.stubFor(get(urlPathEqualTo(SHOW_MANY)).willReturn(ok().withTransformers(DelayedJobs.NAME)));
        try (TidingsStores stores = new TidingsStores(TestDatabase.H2)) {
            long customers = Long.getLong("tidings.bench.queued",
                    (long) Math.ceil(perMinute * 100 * duration.toSeconds() / 60.0 * 1.2));
            List<Customer> created = new ArrayList<>();
            Instant now = stores.clock.instant();
            for (long i = 0; i < customers; i++) {
                created.add(new Customer(UUID.randomUUID(), new CustomerProfile(new ExternalRefs(
                        String.valueOf(10_000_000 + i), null, null), null, null, null, null, null, null, null), now, now));
            }
            stores.customerStore.inTransaction(handle -> {
                stores.customerStore.insert(handle, created);
                return null;
            });
            stores.queue.requestAll(created.stream().map(Customer::id).toList());
            ZendeskClient client = new ZendeskClient(new ZendeskHttp(new ZendeskSettings(URI.create(zendesk.baseUrl()),
                    new ZendeskCredentials.ApiToken("bench@example.com", "token"), (int) Math.round(perMinute)),
                    RequestPacer.SYSTEM));
            // the stores' clock stands still: queue times never pass "now", so every claim is due
            ZendeskUserFieldSync sync = new ZendeskUserFieldSync(stores.queue, stores.snapshots,
                    CategoryPolicies.defaults(), client, new JobFollower(client, jobPoll,
                    ZendeskUserFieldSync.JOB_GIVE_UP, maxJobs, RequestPacer.SYSTEM));
            long workerStarted = System.nanoTime();
            while (runGoesOn(limit, duration)) {
                sync.syncBatch();
            }
            long runStarted = limit.firstRequestAt().orElseThrow();
            long runEnded = runStarted + duration.toNanos();
            sync.settleOutstanding();
            long settled = System.nanoTime();
            long synced = customers - stores.queue.pending();
            long writtenInRun = jobs.usersAcceptedBetween(runStarted, runEnded);
            double runMinutes = duration.toNanos() / 60e9;
            double wallMinutes = (settled - workerStarted) / 60e9;
            var calls = zendesk.findAll(putRequestedFor(urlPathEqualTo(UPDATE_MANY)));
            long full = calls.stream().filter(call -> size(call.getBodyAsString()) == ZendeskClient.MAX_USERS_PER_CALL)
                    .count();
            int reads = zendesk.findAll(getRequestedFor(urlPathEqualTo(SHOW_MANY))).size();
            double ceiling = perMinute * 100;
            System.out.printf("budget %d requests per %s (%.0f/min), %d queued; jobs work %s, read at most every %s,"
                    + " up to %d out%n", budget, window, perMinute, customers, jobDelay, jobPoll, maxJobs);
            System.out.printf("first request %.2f s after the worker started; the run: %s from the first request;"
                    + " the jobs still out then settled %.2f s after it%n", (runStarted - workerStarted) / 1e9, duration,
                    (settled - runEnded) / 1e9);
            System.out.printf("users written within the run's windows, jobs completed: %d = %.0f per minute of a ceiling"
                    + " of %.0f (%.1f%%)%n", writtenInRun, writtenInRun / runMinutes, ceiling,
                    100 * writtenInRun / runMinutes / ceiling);
            System.out.printf("users synced from the worker's start to the last job settled (%.2f min): %d = %.0f per"
                    + " minute (%.1f%%); every user Zendesk accepted is settled: %s%n", wallMinutes, synced,
                    synced / wallMinutes, 100 * synced / wallMinutes / ceiling,
                    synced == jobs.usersAcceptedBetween(workerStarted, settled) ? "yes" : "NO");
            System.out.printf("update_many calls: %d, carrying a full batch: %.1f%%%n", calls.size(),
                    calls.isEmpty() ? 0.0 : 100.0 * full / calls.size());
            System.out.printf("show_many reads: %d (%.1f update calls per read), job statuses answered working: %d%n",
                    reads, reads == 0 ? 0.0 : (double) calls.size() / reads, jobs.workingAnswers());
            List<RateLimitedZendesk.Window> windows = limit.windows();
            for (int i = 0; i < windows.size(); i++) {
                RateLimitedZendesk.Window counts = windows.get(i);
                System.out.printf("window %d%s: %d requests served (%d job reads), %d answered 429%n", i,
                        i < duration.toNanos() / window.toNanos() ? "" : " (after the run: settling)",
                        counts.served(), counts.jobReads(), counts.throttled());
            }
        } finally {
            zendesk.stop();
        }
    }

    /** The run lasts {@code duration} from the first request, when Zendesk's first window begins. */
    private static boolean runGoesOn(RateLimitedZendesk limit, Duration duration) {
        OptionalLong first = limit.firstRequestAt();
        return first.isEmpty() || System.nanoTime() - first.getAsLong() < duration.toNanos();
    }

    private static int size(String body) {
        try {
            return JSON.readTree(body).path("users").size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
