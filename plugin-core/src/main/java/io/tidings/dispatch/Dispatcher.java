package io.tidings.dispatch;

import io.tidings.customer.Customer;
import io.tidings.customer.CustomerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Carries out due outbox sends: claims them, composes each for its customer, hands it to the
 * channel's provider and records the outcome. A send whose earlier attempt was never finished is
 * sent again with the same idempotency key; through a provider that cannot detect duplicates it
 * is recorded (and logged) as a possible duplicate. Each provider has a circuit breaker and,
 * when configured, a pace; a send they hold back goes back to the outbox untried.
 *
 * <p>A send whose decision is stale when the provider is about to be called (deferred, tried
 * before, or queued longer than {@link DispatchSettings#decisionFreshFor()}) is decided again
 * first, so it never goes out against consent revoked or quiet hours begun meanwhile. A send that
 * fails for good falls back to the message's next allowed channel ({@link Redecisions}).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private final Outbox outbox;
    private final ChannelProviders providers;
    private final CustomerStore customers;
    private final MessageComposer composer;
    private final DispatchSettings settings;
    private final Redecisions redecisions;
    private final Clock clock;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, SendPacing> pacing = new ConcurrentHashMap<>();
    private final AcceptanceCommits acceptances;

    @Inject
    public Dispatcher(Outbox outbox, ChannelProviders providers, CustomerStore customers, MessageComposer composer,
                      DispatchSettings settings, Redecisions redecisions, Clock clock) {
        this.outbox = outbox;
        this.providers = providers;
        this.customers = customers;
        this.composer = composer;
        this.settings = settings;
        this.redecisions = redecisions;
        this.clock = clock;
        this.acceptances = new AcceptanceCommits(outbox);
    }

    /** Carries out batches of due sends until a claim comes back short of a full batch; returns how many were claimed. */
    public int drain() {
        int total = 0;
        int claimed;
        do {
            claimed = dispatchDue();
            total += claimed;
        } while (claimed == settings.batchSize());
        return total;
    }

    /** Claims one batch of due sends and carries them out; returns how many were claimed. */
    public int dispatchDue() {
        List<ClaimedSend> claimed = outbox.claimDue(settings.batchSize(), settings.lease());
        if (claimed.isEmpty()) {
            return 0;
        }
        // One lookup for the batch's recipients rather than one per send.
        Map<UUID, Customer> recipients = customers.findAll(claimed.stream().map(send -> send.entry().customerId())
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Customer::id, customer -> customer));
        List<AcceptedSend> accepted = new ArrayList<>();
        try {
            for (ClaimedSend send : claimed) {
                dispatch(send, Optional.ofNullable(recipients.get(send.entry().customerId())), accepted);
            }
        } catch (RuntimeException e) {
            outbox.markAllSent(accepted);
            throw e;
        }
        outbox.markAllSent(accepted);
        return claimed.size();
    }

    private void dispatch(ClaimedSend send, Optional<Customer> customer, List<AcceptedSend> accepted) {
        Optional<ChannelProvider> configured = providers.forChannel(send.entry().channel());
        if (configured.isEmpty()) {
            redecisions.fallBack(send, "", "no provider is configured for " + send.entry().channel());
            return;
        }
        ChannelProvider provider = configured.get();
        if (customer.isEmpty()) {
            outbox.markUndeliverable(send, provider.id(), "the customer no longer exists");
            return;
        }
        OutboundMessage message;
        try {
            message = composer.compose(send, customer.get());
        } catch (UndeliverableException e) {
            redecisions.fallBack(send, provider.id(), e.getMessage());
            return;
        }
        Optional<Instant> notYet = admission(provider);
        if (notYet.isPresent()) {
            outbox.release(send, notYet.get());
            return;
        }
        Optional<String> stale = staleness(send);
        if (stale.isPresent() && !redecisions.stillSend(send, stale.get())) {
            return;
        }
        boolean possibleDuplicate = send.resumed() && !provider.detectsDuplicates();
        if (possibleDuplicate) {
            LOG.warning(() -> "outbox send " + send.id() + " is sent again through " + provider.id()
                    + " after an unfinished attempt; the provider cannot detect duplicates");
        }
        record(send, provider, send(provider, message), possibleDuplicate, accepted);
    }

    /** Why the send's decision may no longer hold; empty when it was taken moments ago for this first attempt. */
    private Optional<String> staleness(ClaimedSend send) {
        if (send.entry().decideAgain()) {
            return Optional.of("the deferred send is due");
        }
        if (send.attempt() > 1) {
            return Optional.of("attempt " + send.attempt() + " follows a failed or unfinished one");
        }
        if (clock.instant().isAfter(send.queuedAt().plus(settings.decisionFreshFor()))) {
            return Optional.of("queued since " + send.queuedAt() + ", longer than " + settings.decisionFreshFor());
        }
        return Optional.empty();
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

    /**
     * Records the outcome at once, except an acceptance by a provider that detects duplicates: those
     * are recorded together when the batch is done, since sending them again after a crash reaches
     * nobody twice. Every other acceptance is committed before this thread's next provider call (in
     * one commit with other dispatch threads' acceptances waiting then), so a crash leaves at most
     * one possible duplicate per dispatch thread.
     */
    private void record(ClaimedSend send, ChannelProvider provider, SendResult result, boolean possibleDuplicate,
                        List<AcceptedSend> accepted) {
        if (result instanceof SendResult.RetryableFailure) {
            breaker(provider).failed(clock.instant());
        } else {
            breaker(provider).succeeded();
        }
        switch (result) {
            case SendResult.Accepted taken when provider.detectsDuplicates() ->
                    accepted.add(new AcceptedSend(send, provider.id(), taken.providerMessageId(), possibleDuplicate));
            case SendResult.Accepted taken ->
                    acceptances.commit(new AcceptedSend(send, provider.id(), taken.providerMessageId(),
                            possibleDuplicate));
            case SendResult.RetryableFailure failure ->
                    outbox.markRetryable(send, provider.id(), failure.reason(), settings.retries(),
                            failure.retryAfter());
            case SendResult.PermanentFailure failure -> redecisions.fallBack(send, provider.id(), failure.reason());
        }
    }
}
