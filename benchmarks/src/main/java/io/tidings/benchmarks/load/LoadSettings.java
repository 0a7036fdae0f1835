package io.tidings.benchmarks.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The load generator's command line.
 *
 * @param target      {@code zendesk} (signed webhooks), {@code noop-post} (the same signed requests to the no-op
 *                    route the load script adds, {@code POST /bench/noop}) or {@code noop} (a GET of {@code noopPath})
 * @param concurrency closed-loop workers, when no rate is given
 * @param rate        requests per second, open loop; 0 for closed loop
 */
record LoadSettings(String url, String target, int concurrency, int rate, int durationSeconds, int warmupSeconds,
                    String secret, String noopPath) {

    static LoadSettings parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        String target = options.getOrDefault("target", "zendesk");
        if (!List.of("zendesk", "noop-post", "noop").contains(target)) {
            throw new IllegalArgumentException("--target is zendesk, noop-post or noop");
        }
        String secret = options.getOrDefault("secret", System.getenv().getOrDefault("TIDINGS_ZENDESK_WEBHOOK_SECRET", ""));
        if (!target.equals("noop") && secret.isEmpty()) {
            throw new IllegalArgumentException("--secret (or TIDINGS_ZENDESK_WEBHOOK_SECRET) is needed to sign webhooks");
        }
        return new LoadSettings(options.getOrDefault("url", "http://127.0.0.1:18080"), target,
                Integer.parseInt(options.getOrDefault("concurrency", "64")),
                Integer.parseInt(options.getOrDefault("rate", "0")),
                Integer.parseInt(options.getOrDefault("duration", "30")),
                Integer.parseInt(options.getOrDefault("warmup", "5")),
                secret.split(",")[0].strip(), options.getOrDefault("noop-path", "/health/live"));
    }
}
