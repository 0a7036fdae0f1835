package io.tidings.inapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** Puts a message in a customer's in-app inbox and tells their open streams. */
@ApplicationScoped
public class InAppDelivery {

    private final InAppMessageStore store;
    private final InAppStreams streams;

    @Inject
    public InAppDelivery(InAppMessageStore store, InAppStreams streams) {
        this.store = store;
        this.streams = streams;
    }

    /** The stored message (the earlier one for a send key seen before); empty when the customer is gone. */
    public Optional<InAppMessage> deliver(NewInAppMessage message) {
        Optional<InAppMessage> stored = store.store(message);
        stored.ifPresent(kept -> streams.stored(kept.customerId()));
        return stored;
    }
}
