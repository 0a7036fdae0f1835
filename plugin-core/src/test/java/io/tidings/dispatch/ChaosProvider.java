package io.tidings.dispatch;

import io.tidings.preference.Channel;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A provider that detects duplicates by idempotency key, as a real one does, and has an outage:
 * between {@code outageFrom} and {@code outageUntil} it answers, in turn, 503, a timeout before the
 * request arrived, and a timeout after it was taken (the response is lost). It can also take a
 * message and then have the dispatcher die before recording it. It remembers every request and the
 * one delivery per key.
 */
final class ChaosProvider implements ChannelProvider {

    /** The dispatcher's process dies (an Error, so nothing in the dispatcher handles it). */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("the dispatcher died after the provider took the message");
        }
    }

    /** A message as the recipient got it. */
    record Delivery(OutboundMessage message, Instant at) {
    }

    private final String id;
    private final Channel channel;
    private final Clock clock;
    private final Instant outageFrom;
    private final Instant outageUntil;
    final Map<String, Integer> requestsPerKey = new HashMap<>();
    final Map<String, Delivery> deliveries = new HashMap<>();
    private int outageRequests;
    private int crashesPending;

    ChaosProvider(String id, Channel channel, Clock clock, Instant outageFrom, Instant outageUntil) {
        this.id = id;
        this.channel = channel;
        this.clock = clock;
        this.outageFrom = outageFrom;
        this.outageUntil = outageUntil;
    }

    /** The next request is taken, and then the dispatcher dies. */
    void crashAfterNextDelivery() {
        crashesPending++;
    }

    int lostResponses() {
        return outageRequests / 3;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(channel);
    }

    @Override
    public boolean detectsDuplicates() {
        return true;
    }

    @Override
    public synchronized SendResult send(OutboundMessage message) {
        Instant now = clock.instant();
        boolean down = !now.isBefore(outageFrom) && now.isBefore(outageUntil);
        if (down) {
            switch (outageRequests++ % 3) {
                case 0 -> {
                    return new SendResult.RetryableFailure("HTTP 503");
                }
                case 1 -> throw new IllegalStateException("read timed out before the request was sent");
                default -> {
                    take(message, now);
                    throw new IllegalStateException("read timed out after the request was taken");
                }
            }
        }
        SendResult result = take(message, now);
        if (crashesPending > 0) {
            crashesPending--;
            throw new SimulatedCrash();
        }
        return result;
    }

    private SendResult take(OutboundMessage message, Instant now) {
        requestsPerKey.merge(message.idempotencyKey(), 1, Integer::sum);
        deliveries.putIfAbsent(message.idempotencyKey(), new Delivery(message, now));
        return new SendResult.Accepted(id + ":" + message.idempotencyKey());
    }
}
