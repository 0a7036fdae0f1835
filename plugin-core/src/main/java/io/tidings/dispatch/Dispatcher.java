package io.tidings.dispatch;

import io.tidings.customer.Customer;
import io.tidings.customer.CustomerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries out due outbox sends: claims them, composes each for its customer, hands it to the
 * channel's provider and records the outcome. A send whose earlier attempt was never finished is
 * sent again with the same idempotency key; through a provider that cannot detect duplicates it
 * is recorded (and logged) as a possible duplicate.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private final Outbox outbox;
    private final ChannelProviders providers;
    private final CustomerStore customers;
    private final MessageComposer composer;
    private final DispatchSettings settings;

    @Inject
    public Dispatcher(Outbox outbox, ChannelProviders providers, CustomerStore customers, MessageComposer composer,
                      DispatchSettings settings) {
        this.outbox = outbox;
        this.providers = providers;
        this.customers = customers;
        this.composer = composer;
        this.settings = settings;
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
        boolean possibleDuplicate = send.resumed() && !provider.detectsDuplicates();
        if (possibleDuplicate) {
            LOG.warning(() -> "outbox send " + send.id() + " is sent again through " + provider.id()
                    + " after an unfinished attempt; the provider cannot detect duplicates");
        }
        record(send, provider, send(provider, message), possibleDuplicate);
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
        switch (result) {
            case SendResult.Accepted accepted ->
                    outbox.markSent(send, provider.id(), accepted.providerMessageId(), possibleDuplicate);
            case SendResult.RetryableFailure failure ->
                    outbox.markRetryable(send, provider.id(), failure.reason(), settings.retries());
            case SendResult.PermanentFailure failure ->
                    outbox.markUndeliverable(send, provider.id(), failure.reason());
        }
    }
}
