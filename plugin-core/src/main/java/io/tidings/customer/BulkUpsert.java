package io.tidings.customer;

import io.tidings.api.model.CustomerInput;
import io.tidings.error.FieldViolation;
import io.tidings.persistence.UuidV7;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * One bulk upsert inside one transaction. Each item is matched to a stored customer by its id or
 * any of its external references, read over that customer's profile (fields it leaves out keep
 * their value) and written; an item that matches nobody creates a customer. Items are judged one
 * by one, in order: an item whose references point at two customers, or at a customer or
 * reference an earlier item already claimed, fails alone.
 */
public final class BulkUpsert {

    public static final int MAX_ITEMS = 1000;

    /** One requested change: the customer's id if the client knows it, and the fields to set. */
    public record Item(UUID id, CustomerInput input) {
    }

    public enum Kind { CREATED, UPDATED, UNCHANGED, FAILED }

    /** What happened to the item at {@code index}. */
    public record Result(int index, Kind kind, UUID customerId, List<FieldViolation> violations) {
        static Result failed(int index, List<FieldViolation> violations) {
            return new Result(index, Kind.FAILED, null, List.copyOf(violations));
        }

        static Result failed(int index, String field, String message) {
            return failed(index, List.of(new FieldViolation(field, message)));
        }
    }

    /** Every item's result, in request order. */
    public record Outcome(List<Result> results) {
        public long count(Kind kind) {
            return results.stream().filter(result -> result.kind() == kind).count();
        }
    }

    private final CustomerStore store;
    private final Handle handle;
    private final Clock clock;
    private final Instant now;
    private final Map<UUID, Integer> claimedCustomers = new HashMap<>();
    private final Map<String, Integer> claimedRefs = new HashMap<>();

    BulkUpsert(CustomerStore store, Handle handle, Clock clock, Instant now) {
        this.store = store;
        this.handle = handle;
        this.clock = clock;
        this.now = now;
    }

    Outcome apply(List<Item> items) {
        StoredCustomers stored = StoredCustomers.matching(store, handle, items);
        List<Result> results = new ArrayList<>(items.size());
        List<Customer> created = new ArrayList<>();
        List<Customer> updated = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            Result result = upsert(index, items.get(index), stored, created, updated);
            results.add(result);
        }
        store.insert(handle, created);
        store.update(handle, updated);
        return new Outcome(results);
    }

    private Result upsert(int index, Item item, StoredCustomers stored, List<Customer> created, List<Customer> updated) {
        if (item == null || item.input() == null) {
            return Result.failed(index, "/", "a customer object is required");
        }
        RawRefs refs = RawRefs.of(item.input());
        if (item.id() == null && refs.isEmpty()) {
            return Result.failed(index, "/", "give an id or at least one external reference to match on");
        }
        if (item.id() != null && stored.byId(item.id()) == null) {
            return Result.failed(index, "/id", "there is no customer " + item.id());
        }
        Set<UUID> matches = new LinkedHashSet<>();
        if (item.id() != null) {
            matches.add(item.id());
        }
        refs.forEach((kind, value) -> {
            Customer owner = stored.byRef(kind, value);
            if (owner != null) {
                matches.add(owner.id());
            }
        });
        if (matches.size() > 1) {
            return Result.failed(index, "/externalRefs", "the id and references name different customers: " + matches);
        }
        Customer target = matches.isEmpty() ? null : stored.byId(matches.iterator().next());
        if (target != null && claimedCustomers.containsKey(target.id())) {
            return Result.failed(index, "/", "item " + claimedCustomers.get(target.id()) + " already changes this customer");
        }
        CustomerInputs.Reading reading = CustomerInputs.readOnto(
                target == null ? CustomerProfile.EMPTY : target.profile(), item.input());
        if (!reading.valid()) {
            return Result.failed(index, reading.violations());
        }
        CustomerProfile profile = reading.profile();
        List<FieldViolation> claimedElsewhere = claimedElsewhere(profile.externalRefs());
        if (!claimedElsewhere.isEmpty()) {
            return Result.failed(index, claimedElsewhere);
        }
        Result result;
        if (target == null) {
            Customer customer = new Customer(UuidV7.next(clock), profile, now, now);
            created.add(customer);
            result = new Result(index, Kind.CREATED, customer.id(), List.of());
        } else if (target.profile().equals(profile)) {
            result = new Result(index, Kind.UNCHANGED, target.id(), List.of());
        } else {
            updated.add(target.withProfile(profile, now));
            result = new Result(index, Kind.UPDATED, target.id(), List.of());
        }
        claimedCustomers.put(result.customerId(), index);
        RawRefs.of(profile.externalRefs()).forEach((kind, value) -> claimedRefs.put(kind + ":" + value, index));
        return result;
    }

    private List<FieldViolation> claimedElsewhere(ExternalRefs refs) {
        List<FieldViolation> violations = new ArrayList<>();
        RawRefs.of(refs).forEach((kind, value) -> {
            Integer earlier = claimedRefs.get(kind + ":" + value);
            if (earlier != null) {
                violations.add(new FieldViolation("/externalRefs/" + kind, "item " + earlier + " already uses " + value));
            }
        });
        return violations;
    }

    /** An item's references as sent, before validation: enough to find who they belong to. */
    private record RawRefs(Map<String, String> byKind) {

        static RawRefs of(CustomerInput input) {
            io.tidings.api.model.ExternalRefs refs = input.getExternalRefs();
            return refs == null ? new RawRefs(Map.of())
                    : of(refs.getZendeskUserId(), refs.getSalesforceContactId(), refs.getSalesforceIndividualId());
        }

        static RawRefs of(ExternalRefs refs) {
            return of(refs.zendeskUserId(), refs.salesforceContactId(), refs.salesforceIndividualId());
        }

        private static RawRefs of(String zendeskUserId, String salesforceContactId, String salesforceIndividualId) {
            Map<String, String> byKind = new HashMap<>();
            putPresent(byKind, "zendeskUserId", zendeskUserId);
            putPresent(byKind, "salesforceContactId", salesforceContactId);
            putPresent(byKind, "salesforceIndividualId", salesforceIndividualId);
            return new RawRefs(byKind);
        }

        private static void putPresent(Map<String, String> byKind, String kind, String value) {
            if (value != null && !value.isBlank()) {
                byKind.put(kind, value.strip());
            }
        }

        boolean isEmpty() {
            return byKind.isEmpty();
        }

        void forEach(java.util.function.BiConsumer<String, String> action) {
            byKind.forEach(action);
        }
    }

    /** The stored customers any item could match, indexed by id and by each kind of reference. */
    private record StoredCustomers(Map<UUID, Customer> byId, Map<String, Customer> byRef) {

        static StoredCustomers matching(CustomerStore store, Handle handle, List<Item> items) {
            Set<UUID> ids = new LinkedHashSet<>();
            Map<String, Set<String>> refs = new HashMap<>();
            for (Item item : items) {
                if (item == null || item.input() == null) {
                    continue;
                }
                if (item.id() != null) {
                    ids.add(item.id());
                }
                RawRefs.of(item.input()).forEach((kind, value) -> refs.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(value));
            }
            Function<String, Set<String>> values = kind -> refs.getOrDefault(kind, Set.of());
            Map<UUID, Customer> byId = new HashMap<>();
            Map<String, Customer> byRef = new HashMap<>();
            for (Customer customer : store.findMatching(handle, ids, values.apply("zendeskUserId"),
                    values.apply("salesforceContactId"), values.apply("salesforceIndividualId"))) {
                byId.put(customer.id(), customer);
                RawRefs.of(customer.profile().externalRefs()).forEach((kind, value) -> byRef.put(kind + ":" + value, customer));
            }
            return new StoredCustomers(byId, byRef);
        }

        Customer byId(UUID id) {
            return byId.get(id);
        }

        Customer byRef(String kind, String value) {
            return byRef.get(kind + ":" + value);
        }
    }
}
