package io.tidings.event;

import java.util.UUID;

/** A domain event about one customer's data. */
public sealed interface CustomerEvent extends DomainEvent permits ConsentChanged, PreferencesChanged, NotificationStatusChanged {

    /** The customer the change is about. */
    UUID customerId();
}
