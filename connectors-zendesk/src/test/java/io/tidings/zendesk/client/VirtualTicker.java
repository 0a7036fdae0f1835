package io.tidings.zendesk.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when someone sleeps on it: waits are recorded, not spent. */
public final class VirtualTicker implements RequestPacer.Ticker {

    private long now = 1_000_000_000L;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleepNanos(long nanos) {
        sleeps.add(Duration.ofNanos(nanos));
        now += nanos;
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized Duration elapsed() {
        return Duration.ofNanos(now - 1_000_000_000L);
    }
}
