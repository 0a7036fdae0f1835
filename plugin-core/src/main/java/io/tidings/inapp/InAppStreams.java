package io.tidings.inapp;

import io.tidings.customer.CustomerStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.glassfish.jersey.media.sse.EventOutput;
import org.glassfish.jersey.media.sse.OutboundEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open server-sent-event streams of customers' in-app messages. Each stream remembers the
 * sequence number of the last message it sent and, when woken, sends what the customer's store
 * holds after it; a message stored on this replica wakes its customer's streams at once, and every
 * poll interval wakes all of them, for messages other replicas stored. Idle streams get a comment
 * now and then, which also finds the ones whose client has gone; the streams of a customer erased
 * meanwhile are closed then.
 */
@ApplicationScoped
public class InAppStreams {

    private static final Logger LOG = Logger.getLogger(InAppStreams.class.getName());
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final int BATCH = 100;

    private final InAppMessageStore store;
    private final CustomerStore customers;
    private final Clock clock;
    private final Duration pollInterval;
    private final Map<UUID, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual()
            .name("tidings-in-app-stream-", 0).factory());
    private ScheduledExecutorService poller;

    @Inject
    public InAppStreams(InAppMessageStore store, CustomerStore customers, Clock clock,
                        @ConfigProperty(name = "tidings.in-app.poll-interval", defaultValue = "PT2S")
                        Duration pollInterval) {
        this.store = store;
        this.customers = customers;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (pollInterval.isZero() || pollInterval.isNegative()) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("tidings-in-app-poll")
                .daemon(true).factory());
        poller.scheduleWithFixedDelay(this::wakeAll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Opens an event stream of the customer's messages: first those stored after
     * {@code lastSeen} (a message id the client got before), then each new one. Without
     * {@code lastSeen}, or when it names no message of the customer, only new ones.
     */
    public EventOutput open(UUID customerId, UUID lastSeen) {
        long after = lastSeen == null ? store.latestSequence(customerId)
                : store.find(customerId, lastSeen).map(InAppMessage::sequence)
                .orElseGet(() -> store.latestSequence(customerId));
        Stream stream = new Stream(customerId, new EventOutput(), after);
        streams.compute(customerId, (id, open) -> {
            Set<Stream> registered = open == null ? ConcurrentHashMap.newKeySet() : open;
            registered.add(stream);
            return registered;
        });
        senders.execute(stream::catchUp);
        return stream.output;
    }

    /** A message of the customer was stored: their streams send it now. */
    public void stored(UUID customerId) {
        Set<Stream> open = streams.get(customerId);
        if (open != null) {
            open.forEach(stream -> senders.execute(stream::catchUp));
        }
    }

    private void wakeAll() {
        streams.values().forEach(open -> open.forEach(stream -> senders.execute(stream::catchUp)));
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
        streams.values().forEach(open -> open.forEach(Stream::close));
        senders.shutdownNow();
    }

    /** One client's stream; sends under a lock, so two wake-ups never send the same message twice. */
    private final class Stream {

        private final UUID customerId;
        private final EventOutput output;
        private final ReentrantLock sending = new ReentrantLock();
        private long lastSent;
        private Instant lastWrite;

        Stream(UUID customerId, EventOutput output, long lastSent) {
            this.customerId = customerId;
            this.output = output;
            this.lastSent = lastSent;
            this.lastWrite = clock.instant();
        }

        void catchUp() {
            sending.lock();
            try {
                if (output.isClosed()) {
                    close();
                    return;
                }
                List<InAppMessage> batch;
                do {
                    batch = store.after(customerId, lastSent, BATCH);
                    for (InAppMessage message : batch) {
                        output.write(new OutboundEvent.Builder()
                                .id(message.id().toString())
                                .name("message")
                                .data(String.class, InAppJson.eventData(message))
                                .build());
                        lastSent = message.sequence();
                        lastWrite = clock.instant();
                    }
                } while (batch.size() == BATCH);
                if (clock.instant().isAfter(lastWrite.plus(KEEP_ALIVE))) {
                    if (customers.find(customerId).isEmpty()) {
                        close(); // erased meanwhile: nothing more will come, and the stream must not outlive them
                        return;
                    }
                    output.write(new OutboundEvent.Builder().comment("keep-alive").build());
                    lastWrite = clock.instant();
                }
            } catch (IOException | UncheckedIOException e) {
                // The client went away; it reconnects with Last-Event-ID if it wants the rest.
                close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "an in-app stream of customer " + customerId + " failed; closing it");
                close();
            } finally {
                sending.unlock();
            }
        }

        void close() {
            streams.computeIfPresent(customerId, (id, open) -> {
                open.remove(this);
                return open.isEmpty() ? null : open;
            });
            try {
                output.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing an in-app stream failed", e);
            }
        }
    }
}
