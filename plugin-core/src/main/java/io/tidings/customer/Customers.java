package io.tidings.customer;

import io.tidings.error.ConflictException;
import io.tidings.error.FieldViolation;
import io.tidings.error.ResourceNotFoundException;
import io.tidings.persistence.DatabaseTime;
import io.tidings.persistence.UuidV7;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Creates, reads and replaces customers; keeps every external reference owned by one customer. */
@ApplicationScoped
public class Customers {

    private static final String UNIQUE_VIOLATION = "23505";

    private final CustomerStore store;
    private final Clock clock;

    @Inject
    public Customers(CustomerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Customer create(CustomerProfile profile) {
        Instant now = now();
        Customer customer = new Customer(UuidV7.next(clock), profile, now, now);
        return writing(handle -> {
            requireRefsFree(handle, customer);
            store.insert(handle, List.of(customer));
            return customer;
        });
    }

    public Customer replace(UUID id, CustomerProfile profile) {
        return writing(handle -> {
            Customer stored = store.findMatching(handle, List.of(id), List.of(), List.of(), List.of()).stream()
                    .findFirst()
                    .orElseThrow(() -> notFound(id));
            if (stored.profile().equals(profile)) {
                return stored;
            }
            Customer replaced = stored.withProfile(profile, now());
            requireRefsFree(handle, replaced);
            store.update(handle, List.of(replaced));
            return replaced;
        });
    }

    public Customer get(UUID id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    public List<Customer> list(CustomerQuery query) {
        return store.page(query);
    }

    /** Runs one bulk upsert in a single transaction; see {@link BulkUpsert} for how items are matched. */
    public BulkUpsert.Outcome bulkUpsert(List<BulkUpsert.Item> items) {
        return writing(handle -> new BulkUpsert(store, handle, clock, now()).apply(items));
    }

    private <T> T writing(Function<Handle, T> work) {
        try {
            return store.inTransaction(work);
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new ConflictException("Another request changed the same customers at the same time; send it again.",
                        List.of());
            }
            throw e;
        }
    }

    private void requireRefsFree(Handle handle, Customer customer) {
        ExternalRefs refs = customer.profile().externalRefs();
        List<FieldViolation> taken = new ArrayList<>();
        for (Customer other : store.findMatching(handle, List.of(), present(refs.zendeskUserId()),
                present(refs.salesforceContactId()), present(refs.salesforceIndividualId()))) {
            if (other.id().equals(customer.id())) {
                continue;
            }
            ExternalRefs theirs = other.profile().externalRefs();
            addIfSame(taken, "/externalRefs/zendeskUserId", refs.zendeskUserId(), theirs.zendeskUserId(), other.id());
            addIfSame(taken, "/externalRefs/salesforceContactId", refs.salesforceContactId(), theirs.salesforceContactId(), other.id());
            addIfSame(taken, "/externalRefs/salesforceIndividualId", refs.salesforceIndividualId(), theirs.salesforceIndividualId(), other.id());
        }
        if (!taken.isEmpty()) {
            throw new ConflictException("An external reference already belongs to another customer.", taken);
        }
    }

    private static void addIfSame(List<FieldViolation> taken, String field, String ours, String theirs, UUID owner) {
        if (ours != null && ours.equals(theirs)) {
            taken.add(new FieldViolation(field, "already belongs to customer " + owner));
        }
    }

    private static List<String> present(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private Instant now() {
        return DatabaseTime.now(clock);
    }

    /** The answer for a customer id Tidings does not hold (or has erased). */
    public static ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException("There is no customer " + id + ".");
    }

}
