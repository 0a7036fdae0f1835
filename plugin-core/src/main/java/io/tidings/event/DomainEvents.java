package io.tidings.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;

import java.util.List;

/** Hands domain events to every {@link DomainEventSink} deployed; with none deployed, events go nowhere. */
@ApplicationScoped
public class DomainEvents {

    private static final DomainEvents NONE = new DomainEvents(List.of());

    private final List<DomainEventSink> sinks;

    @Inject
    public DomainEvents(@Any Instance<DomainEventSink> sinks) {
        this(sinks.stream().toList());
    }

    public DomainEvents(List<DomainEventSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    /** Publishes to no one: for tools and tests that run without the webhooks module. */
    public static DomainEvents none() {
        return NONE;
    }

    /** Records the event in the caller's transaction, with every sink. */
    public void publish(Handle transaction, DomainEvent event) {
        for (DomainEventSink sink : sinks) {
            sink.accept(transaction, event);
        }
    }
}
