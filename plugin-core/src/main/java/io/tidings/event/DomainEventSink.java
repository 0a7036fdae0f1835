package io.tidings.event;

import org.jdbi.v3.core.Handle;

/**
 * Port for whatever tells the world about domain events (the webhooks module's integrator
 * webhooks). It is handed the transaction that makes the change and must write there, so the
 * event commits or rolls back with the change: a crash can neither lose an event nor report one
 * that did not happen (transactional outbox).
 */
public interface DomainEventSink {

    /** Records the event in {@code transaction}; delivery happens after commit, elsewhere. */
    void accept(Handle transaction, DomainEvent event);
}
