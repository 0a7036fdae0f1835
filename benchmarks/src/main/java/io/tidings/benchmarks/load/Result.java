package io.tidings.benchmarks.load;

import java.util.Map;

/**
 * What one measured run saw.
 *
 * @param statuses  responses by HTTP status; -1 counts requests that got no answer
 * @param latencies every recorded latency in nanoseconds, sorted
 */
record Result(Map<Integer, Long> statuses, long[] latencies, long elapsedNanos) {

    /** Answers with a 2xx status: for webhooks, deliveries durably accepted. */
    long ok() {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                .mapToLong(Map.Entry::getValue).sum();
    }

    double okPerSecond() {
        return ok() / (elapsedNanos / 1e9);
    }

    double percentileMillis(double p) {
        if (latencies.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(latencies.length - 1, Math.ceil(p / 100 * latencies.length) - 1);
        return latencies[Math.max(0, index)] / 1e6;
    }

    /** One line a script can grep: target, mode, throughput, latency percentiles, statuses. */
    String report(LoadSettings settings) {
        String mode = settings.rate() > 0 ? "rate=" + settings.rate() + "/s" : "concurrency=" + settings.concurrency();
        return String.format("RESULT target=%s %s duration=%.1fs ok=%d ok_per_s=%.0f p50_ms=%.2f p99_ms=%.2f "
                        + "max_ms=%.2f statuses=%s", settings.target(), mode, elapsedNanos / 1e9, ok(), okPerSecond(),
                percentileMillis(50), percentileMillis(99), percentileMillis(100), statuses);
    }
}
