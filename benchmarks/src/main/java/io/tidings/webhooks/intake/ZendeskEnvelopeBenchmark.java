package io.tidings.webhooks.intake;

import io.tidings.benchmarks.load.ZendeskRequests;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the Zendesk intake does on the request thread before the delivery joins the inbox writer's
 * queue: verify the signature, then read the envelope. The body is the one bench/webhooks-load.sh
 * sends. In this package because the envelope reader is package-private.
 * <p>
 * {@code java -jar benchmarks/target/benchmarks.jar ZendeskEnvelope -f 2 -wi 3 -w 2 -i 5 -r 2 -t 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ZendeskEnvelopeBenchmark {

    private static final String SECRET = "bench-zendesk-signing-secret";
    private static final String TIMESTAMP = "2026-12-06T12:00:00Z";
    private static final String BODY = "{\"type\":\"zen:event-type:ticket.status_changed\","
            + "\"id\":\"0b7f2f0e-4a43-4c0f-9d0b-8e2f1e6f4a11\",\"time\":\"2026-12-06T11:59:58.123Z\","
            + "\"subject\":\"zen:ticket:135436\",\"detail\":{\"id\":\"135436\",\"requester_id\":\"900436\","
            + "\"status\":\"SOLVED\"},\"event\":{\"current\":\"SOLVED\",\"previous\":\"OPEN\"}}";

    private ZendeskSignature signature;
    private DeliveryHeaders headers;
    private byte[] body;

    @Setup
    public void setUp() {
        Clock clock = Clock.fixed(Instant.parse(TIMESTAMP), ZoneOffset.UTC);
        signature = new ZendeskSignature(SigningSecrets.configured("bench", SECRET), clock);
        body = BODY.getBytes(StandardCharsets.UTF_8);
        Map<String, String> values = Map.of(ZendeskSignature.SIGNATURE_HEADER, ZendeskRequests.signature(SECRET, TIMESTAMP, BODY),
                ZendeskSignature.TIMESTAMP_HEADER, TIMESTAMP);
        headers = values::get;
    }

    @Benchmark
    public void verify() {
        signature.verify(headers, body);
    }

    @Benchmark
    public InboundDelivery read() {
        return ZendeskDeliveries.read(body, Instant.EPOCH);
    }

    @Benchmark
    public InboundDelivery verifyAndRead() {
        signature.verify(headers, body);
        return ZendeskDeliveries.read(body, Instant.EPOCH);
    }
}
