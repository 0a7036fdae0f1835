package io.tidings.preference;

import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.event.DomainEvents;
import io.tidings.event.PreferencesChanged;
import io.tidings.persistence.DatabaseTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Customers' communication preferences: read, replace or change them, each change a new version
 * in the history (a change that changes nothing makes no version). Every version publishes
 * {@code preferences.changed} in the transaction that stores it.
 */
@ApplicationScoped
public class CustomerPreferences {

    private final CustomerStore customers;
    private final PreferenceStore store;
    private final DomainEvents events;
    private final Clock clock;

    /**
     * Who made a change and where it was captured.
     *
     * @param changedBy the API key's name
     * @param ticketId  the support ticket, or null
     */
    public record ChangedBy(String changedBy, String ticketId) {
    }

    @Inject
    public CustomerPreferences(CustomerStore customers, PreferenceStore store, DomainEvents events, Clock clock) {
        this.customers = customers;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Preferences that tell no one of their changes, for tools and tests without integrator webhooks. */
    public CustomerPreferences(CustomerStore customers, PreferenceStore store, Clock clock) {
        this(customers, store, DomainEvents.none(), clock);
    }

    /** The customer's preferences; version 0 with every category default when they never set any. */
    public StoredPreferences get(UUID customerId) {
        customers.find(customerId).orElseThrow(() -> Customers.notFound(customerId));
        return store.find(customerId).orElse(StoredPreferences.none());
    }

    /** Applies the change to the customer's current preferences under the customer's lock. */
    public StoredPreferences change(UUID customerId, UnaryOperator<PreferenceSet> change, ChangedBy by) {
        return customers.inTransaction(handle -> {
            if (!customers.lock(handle, customerId)) {
                throw Customers.notFound(customerId);
            }
            StoredPreferences current = store.find(handle, customerId).orElse(StoredPreferences.none());
            PreferenceSet changed = change.apply(current.preferences());
            if (changed.equals(current.preferences()) && current.version() > 0) {
                return current;
            }
            Instant now = DatabaseTime.now(clock);
            StoredPreferences next = new StoredPreferences(changed, current.version() + 1, now);
            store.replace(handle, customerId, next);
            store.addChange(handle, customerId, new PreferenceChange(next.version(), now, by.changedBy(), by.ticketId(),
                    PreferencesJson.document(next)));
            events.publish(handle, new PreferencesChanged(customerId, next.version(), now,
                    PreferenceDiff.between(current.preferences(), changed)));
            return next;
        });
    }

    /** Every version of the customer's preferences, newest first. */
    public List<PreferenceChange> history(UUID customerId) {
        customers.find(customerId).orElseThrow(() -> Customers.notFound(customerId));
        return store.history(customerId);
    }
}
