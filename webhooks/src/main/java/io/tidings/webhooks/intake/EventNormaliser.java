package io.tidings.webhooks.intake;

import io.tidings.event.Event;

import java.util.Optional;

/** Turns one source's stored deliveries into events; the inbox workers claim only sources that have one. */
public interface EventNormaliser {

    DeliverySource source();

    /**
     * The event the delivery reports, or empty for event types Tidings does not act on.
     *
     * @throws MalformedDeliveryException when the payload lacks what its event type needs
     */
    Optional<Event> normalise(InboundDelivery delivery);
}
