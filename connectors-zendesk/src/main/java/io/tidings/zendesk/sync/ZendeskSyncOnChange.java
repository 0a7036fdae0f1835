package io.tidings.zendesk.sync;

import io.tidings.event.ConsentChanged;
import io.tidings.event.DomainEvent;
import io.tidings.event.DomainEventSink;
import io.tidings.event.PreferencesChanged;
import io.tidings.persistence.DatabaseTime;
import io.tidings.zendesk.client.ZendeskAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.UUID;

/**
 * Queues a Zendesk field sync for a customer whose preferences or consent changed, in the
 * transaction that makes the change, so no committed change goes unsynced; only when a Zendesk
 * account is configured.
 */
@ApplicationScoped
public class ZendeskSyncOnChange implements DomainEventSink {

    private final ZendeskSyncQueue queue;
    private final ZendeskAccount account;
    private final Clock clock;

    @Inject
    public ZendeskSyncOnChange(ZendeskSyncQueue queue, ZendeskAccount account, Clock clock) {
        this.queue = queue;
        this.account = account;
        this.clock = clock;
    }

    @Override
    public void accept(Handle transaction, DomainEvent event) {
        UUID customer = switch (event) {
            case ConsentChanged changed -> changed.customerId();
            case PreferencesChanged changed -> changed.customerId();
            default -> null;
        };
        if (customer != null && account.client().isPresent()) {
            queue.request(transaction, customer, DatabaseTime.now(clock));
        }
    }
}
