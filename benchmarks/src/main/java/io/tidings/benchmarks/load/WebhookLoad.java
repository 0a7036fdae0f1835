package io.tidings.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A load generator for a running Tidings server: Zendesk-signed webhooks (a fresh event id, a valid
 * signature and a fresh timestamp on every request), the same requests to the no-op route that
 * bench/webhooks-load.sh adds to the server ({@code POST /bench/noop}), or a GET of a no-op
 * endpoint; either closed-loop (N workers as fast as the server answers: throughput) or open-loop
 * at a fixed rate (latency measured from when each request was due, so a stalled server cannot
 * hide its queueing).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.tidings.benchmarks.load.WebhookLoad \
 *     --url http://127.0.0.1:18080 --target zendesk|noop-post|noop [--concurrency 64 | --rate 1000] \
 *     [--duration 30] [--warmup 5] [--secret S] [--noop-path /health/live]
 * </pre>
 */
public final class WebhookLoad {

    private WebhookLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadSettings settings = LoadSettings.parse(args);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        RequestFactory requests = switch (settings.target()) {
            case "noop" -> new NoopRequests(URI.create(settings.url() + settings.noopPath()));
            case "noop-post" -> new ZendeskRequests(URI.create(settings.url() + "/bench/noop"), settings.secret());
            default -> new ZendeskRequests(URI.create(settings.url() + "/webhooks/zendesk"), settings.secret());
        };
        if (settings.warmupSeconds() > 0) {
            run(client, requests, settings, settings.warmupSeconds());
        }
        Result result = run(client, requests, settings, settings.durationSeconds());
        System.out.println(result.report(settings));
        if (result.ok() == 0) {
            System.exit(1);
        }
    }

    private static Result run(HttpClient client, RequestFactory requests, LoadSettings settings, int seconds)
            throws InterruptedException {
        Recorder recorder = new Recorder(seconds);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            if (settings.rate() > 0) {
                long interval = 1_000_000_000L / settings.rate();
                for (long due = start; due < end; due += interval) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long scheduled = due;
                    workers.submit(() -> send(client, requests, recorder, scheduled));
                }
            } else {
                for (int i = 0; i < settings.concurrency(); i++) {
                    workers.submit(() -> {
                        while (System.nanoTime() < end) {
                            send(client, requests, recorder, System.nanoTime());
                        }
                    });
                }
            }
        }
        return recorder.result(System.nanoTime() - start);
    }

    private static void send(HttpClient client, RequestFactory requests, Recorder recorder, long due) {
        try {
            HttpResponse<Void> response = client.send(requests.next(), HttpResponse.BodyHandlers.discarding());
            recorder.record(response.statusCode(), System.nanoTime() - due);
        } catch (Exception e) {
            recorder.record(-1, System.nanoTime() - due);
        }
    }

    /** Makes the next request to send. */
    interface RequestFactory {
        HttpRequest next();
    }

    /** A GET of an endpoint that does no work: the server's baseline. */
    record NoopRequests(URI uri) implements RequestFactory {
        @Override
        public HttpRequest next() {
            return HttpRequest.newBuilder(uri).GET().build();
        }
    }

    /** Collects status codes and latencies from many threads, up to a fixed number of requests. */
    static final class Recorder {
        /** Far above what 2 cores answer in a run of minutes; 8 bytes each. */
        private static final int CAPACITY = 20_000_000;

        private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        private final long[] latencies;
        private final AtomicInteger recorded = new AtomicInteger();

        Recorder(int seconds) {
            latencies = new long[(int) Math.min(CAPACITY, 60_000L * seconds)];
        }

        void record(int status, long nanos) {
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            int at = recorded.getAndIncrement();
            if (at < latencies.length) {
                latencies[at] = nanos;
            }
        }

        Result result(long elapsedNanos) {
            long[] sorted = Arrays.copyOf(latencies, Math.min(recorded.get(), latencies.length));
            Arrays.sort(sorted);
            Map<Integer, Long> byStatus = new TreeMap<>();
            statuses.forEach((status, n) -> byStatus.put(status, n.get()));
            return new Result(byStatus, sorted, elapsedNanos);
        }
    }
}
