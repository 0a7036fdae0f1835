package io.tidings.dispatch;

import io.tidings.customer.Customer;
import io.tidings.customer.CustomerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries out due outbox sends: claims them, composes each for its customer, hands it to the
 * channel's provider and records the outcome. A send whose earlier attempt was never finished is
 * sent again with the same idempotency key; through a provider that cannot detect duplicates it
 * is recorded (and logged) as a possible duplicate. Each provider has a circuit breaker and,
 * when configured, a pace; a send they hold back goes back to the outbox untried.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private final Outbox outbox;
    private final ChannelProviders providers;
    private final CustomerStore customers;
    private final MessageComposer composer;
    private final DispatchSettings settings;
    private final Clock clock;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, SendPacing> pacing = new ConcurrentHashMap<>();

    @Inject
    public Dispatcher(Outbox outbox, ChannelProviders providers, CustomerStore customers, MessageComposer composer,
                      DispatchSettings settings, Clock clock) {
        this.outbox = outbox;
        this.providers = providers;
        this.customers = customers;
        this.composer = composer;
        this.settings = settings;
        this.clock = clock;
    }

    /** Claims one batch of due sends and carries them out; returns how many were claimed. */
    public int dispatchDue() {
        List<ClaimedSend> claimed = outbox.claimDue(settings.batchSize(), settings.lease());
        claimed.forEach(this::dispatch);
        return claimed.size();
    }

    private void dispatch(ClaimedSend send) {
        Optional<ChannelProvider> configured = providers.forChannel(send.entry().channel());
        if (configured.isEmpty()) {
            outbox.markUndeliverable(send, "", "no provider is configured for " + send.entry().channel());
            return;
        }
        ChannelProvider provider = configured.get();
        Optional<Customer> customer = customers.find(send.entry().customerId());
        if (customer.isEmpty()) {
            outbox.markUndeliverable(send, provider.id(), "the customer no longer exists");
            return;
        }
        OutboundMessage message;
        try {
            message = composer.compose(send, customer.get());
        } catch (UndeliverableException e) {
            outbox.markUndeliverable(send, provider.id(), e.getMessage());
            return;
        }
        Optional<Instant> notYet = admission(provider);
        if (notYet.isPresent()) {
            outbox.release(send, notYet.get());
            return;
        }
        boolean possibleDuplicate = send.resumed() && !provider.detectsDuplicates();
        if (possibleDuplicate) {
            LOG.warning(() -> "outbox send " + send.id() + " is sent again through " + provider.id()
                    + " after an unfinished attempt; the provider cannot detect duplicates");
        }
        record(send, provider, send(provider, message), possibleDuplicate);
    }

    /** Empty when the provider may be called now; else when to try: its breaker is open or its pace reached. */
    private Optional<Instant> admission(ChannelProvider provider) {
        Instant now = clock.instant();
        Optional<Instant> open = breaker(provider).openUntil(now);
        if (open.isPresent()) {
            return open;
        }
        Double rate = settings.ratePerSecond().get(provider.id());
        return rate == null ? Optional.empty()
                : pacing.computeIfAbsent(provider.id(), id -> new SendPacing(rate)).reserve(now);
    }

    private CircuitBreaker breaker(ChannelProvider provider) {
        return breakers.computeIfAbsent(provider.id(),
                id -> new CircuitBreaker(settings.breakerThreshold(), settings.breakerOpenFor()));
    }

    private static SendResult send(ChannelProvider provider, OutboundMessage message) {
        try {
            return provider.send(message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "provider " + provider.id() + " failed on " + message);
            return new SendResult.RetryableFailure(provider.id() + " failed: " + e.getClass().getSimpleName());
        }
    }

    private void record(ClaimedSend send, ChannelProvider provider, SendResult result, boolean possibleDuplicate) {
        if (result instanceof SendResult.RetryableFailure) {
            breaker(provider).failed(clock.instant());
        } else {
            breaker(provider).succeeded();
        }
        switch (result) {
            case SendResult.Accepted accepted ->
                    outbox.markSent(send, provider.id(), accepted.providerMessageId(), possibleDuplicate);
            case SendResult.RetryableFailure failure ->
                    outbox.markRetryable(send, provider.id(), failure.reason(), settings.retries(),
                            failure.retryAfter());
            case SendResult.PermanentFailure failure ->
                    outbox.markUndeliverable(send, provider.id(), failure.reason());
        }
    }
}
