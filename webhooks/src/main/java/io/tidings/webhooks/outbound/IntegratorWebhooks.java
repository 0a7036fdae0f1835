package io.tidings.webhooks.outbound;

import io.tidings.event.DomainEvent;
import io.tidings.event.DomainEventSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;

/**
 * Tells integrators about domain events: queues a webhook message per subscribed endpoint in the
 * transaction that makes the change (the outbox), and the dispatcher sends it after commit.
 */
@ApplicationScoped
public class IntegratorWebhooks implements DomainEventSink {

    private final WebhookPublisher publisher;

    @Inject
    public IntegratorWebhooks(WebhookPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void accept(Handle transaction, DomainEvent event) {
        publisher.publish(transaction, WebhookEventType.fromWireName(event.type()), event);
    }
}
