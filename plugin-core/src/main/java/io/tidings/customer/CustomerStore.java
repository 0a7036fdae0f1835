package io.tidings.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** Customers in the database: one row each, with their segments and services in side tables. */
@ApplicationScoped
public class CustomerStore {

    private static final String COLUMNS = "id, zendesk_user_id, salesforce_contact_id, salesforce_individual_id, "
            + "email, phone, locale, time_zone, country, subdivision, postal_code, created_at, updated_at";
    private static final String INSERT = "insert into customer (" + COLUMNS + ") values (:id, :zendeskUserId, "
            + ":salesforceContactId, :salesforceIndividualId, :email, :phone, :locale, :timeZone, :country, "
            + ":subdivision, :postalCode, :createdAt, :updatedAt)";
    private static final String UPDATE = "update customer set zendesk_user_id = :zendeskUserId, "
            + "salesforce_contact_id = :salesforceContactId, salesforce_individual_id = :salesforceIndividualId, "
            + "email = :email, phone = :phone, locale = :locale, time_zone = :timeZone, country = :country, "
            + "subdivision = :subdivision, postal_code = :postalCode, updated_at = :updatedAt where id = :id";

    private final Jdbi jdbi;

    @Inject
    public CustomerStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Customer> find(UUID id) {
        return jdbi.withHandle(handle -> load(handle, "where id = :id and erased_at is null", query -> query.bind("id", id)))
                .stream().findFirst();
    }

    /** The customers with this E.164 phone number, most recently updated first. */
    public List<Customer> findByPhone(String e164) {
        return jdbi.withHandle(handle -> load(handle, "where phone = :phone and erased_at is null "
                + "order by updated_at desc, id", query -> query.bind("phone", e164)));
    }

    /** The customers with these ids that exist and are not erased, in no particular order. */
    public List<Customer> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> load(handle, "where id in (<ids>) and erased_at is null",
                query -> query.bindList("ids", List.copyOf(ids))));
    }

    /** Up to {@code limit} customers after {@code after} (exclusive) in id order, i.e. oldest first. */
    public List<Customer> page(CustomerQuery query) {
        StringBuilder where = new StringBuilder("where erased_at is null");
        if (query.after() != null) {
            where.append(" and id > :after");
        }
        if (query.refs().zendeskUserId() != null) {
            where.append(" and zendesk_user_id = :zendeskUserId");
        }
        if (query.refs().salesforceContactId() != null) {
            where.append(" and salesforce_contact_id = :salesforceContactId");
        }
        if (query.refs().salesforceIndividualId() != null) {
            where.append(" and salesforce_individual_id = :salesforceIndividualId");
        }
        where.append(" order by id limit :limit");
        return jdbi.withHandle(handle -> load(handle, where.toString(), q -> q
                .bind("after", query.after())
                .bind("zendeskUserId", query.refs().zendeskUserId())
                .bind("salesforceContactId", query.refs().salesforceContactId())
                .bind("salesforceIndividualId", query.refs().salesforceIndividualId())
                .bind("limit", query.limit())));
    }

    /**
     * For each of these references, the id of the unerased customer that holds all of its
     * non-null references; references no customer holds (or that are empty) are absent. One query
     * for them all, so a batch of inbound events resolves its customers in one round trip.
     */
    public Map<ExternalRefs, UUID> idsHolding(Collection<ExternalRefs> wanted) {
        List<ExternalRefs> refs = wanted.stream().filter(ref -> !ref.isEmpty()).distinct().toList();
        Optional<Condition> matching = Condition.matching(List.of(), present(refs, ExternalRefs::zendeskUserId),
                present(refs, ExternalRefs::salesforceContactId), present(refs, ExternalRefs::salesforceIndividualId));
        if (matching.isEmpty()) {
            return Map.of();
        }
        List<Holder> holders = jdbi.withHandle(handle -> {
            Query query = handle.createQuery("select id, zendesk_user_id, salesforce_contact_id, "
                    + "salesforce_individual_id from customer " + matching.get().sql());
            matching.get().binder().accept(query);
            return query.map((rs, ctx) -> new Holder(rs.getObject("id", UUID.class), new ExternalRefs(
                    rs.getString("zendesk_user_id"), rs.getString("salesforce_contact_id"),
                    rs.getString("salesforce_individual_id")))).list();
        });
        Map<ExternalRefs, UUID> ids = new HashMap<>();
        for (ExternalRefs ref : refs) {
            // Each reference belongs to at most one customer, so at most one holder can hold them all.
            holders.stream().filter(holder -> holder.holdsAll(ref)).findFirst()
                    .ifPresent(holder -> ids.put(ref, holder.id()));
        }
        return ids;
    }

    /** Customers that hold this id or any of these references, each once. */
    public List<Customer> findMatching(Handle handle, Collection<UUID> ids, Collection<String> zendeskUserIds,
                                       Collection<String> salesforceContactIds, Collection<String> salesforceIndividualIds) {
        return Condition.matching(ids, zendeskUserIds, salesforceContactIds, salesforceIndividualIds)
                .map(matching -> load(handle, matching.sql(), matching.binder()))
                .orElse(List.of());
    }

    /** A where-clause for unerased customers, and what binds its parameters. */
    private record Condition(String sql, Consumer<Query> binder) {

        /** Customers that hold any of these ids or references; empty when none is given. */
        static Optional<Condition> matching(Collection<UUID> ids, Collection<String> zendeskUserIds,
                                            Collection<String> salesforceContactIds,
                                            Collection<String> salesforceIndividualIds) {
            List<String> clauses = new ArrayList<>();
            if (!ids.isEmpty()) {
                clauses.add("id in (<ids>)");
            }
            if (!zendeskUserIds.isEmpty()) {
                clauses.add("zendesk_user_id in (<zendesk>)");
            }
            if (!salesforceContactIds.isEmpty()) {
                clauses.add("salesforce_contact_id in (<contacts>)");
            }
            if (!salesforceIndividualIds.isEmpty()) {
                clauses.add("salesforce_individual_id in (<individuals>)");
            }
            if (clauses.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Condition("where erased_at is null and (" + String.join(" or ", clauses) + ")",
                    query -> {
                        bindList(query, "ids", ids);
                        bindList(query, "zendesk", zendeskUserIds);
                        bindList(query, "contacts", salesforceContactIds);
                        bindList(query, "individuals", salesforceIndividualIds);
                    }));
        }
    }

    private record Holder(UUID id, ExternalRefs refs) {
        boolean holdsAll(ExternalRefs wanted) {
            return matches(wanted.zendeskUserId(), refs.zendeskUserId())
                    && matches(wanted.salesforceContactId(), refs.salesforceContactId())
                    && matches(wanted.salesforceIndividualId(), refs.salesforceIndividualId());
        }

        private static boolean matches(String wanted, String held) {
            return wanted == null || wanted.equals(held);
        }
    }

    private static List<String> present(List<ExternalRefs> refs, Function<ExternalRefs, String> ref) {
        return refs.stream().map(ref).filter(Objects::nonNull).distinct().toList();
    }

    public void insert(Handle handle, List<Customer> customers) {
        write(handle, INSERT, customers);
        insertTags(handle, customers);
    }

    public void update(Handle handle, List<Customer> customers) {
        write(handle, UPDATE, customers);
        deleteTags(handle, customers.stream().map(Customer::id).toList());
        insertTags(handle, customers);
    }

    /**
     * Locks a customer's row until the transaction ends, so that writers of the same customer's
     * ledger or preferences take turns; false when there is no such (unerased) customer.
     */
    public boolean lock(Handle handle, UUID id) {
        return handle.createQuery("select id from customer where id = :id and erased_at is null for update")
                .bind("id", id).mapTo(UUID.class).findOne().isPresent();
    }

    /**
     * Erases a customer's profile: references, contact points, locale, region and tags are removed;
     * a tombstone row with the id and erasure time stays for the consent ledger to point at.
     */
    public boolean erase(Handle handle, UUID id, Instant at) {
        deleteTags(handle, List.of(id));
        return handle.createUpdate("update customer set zendesk_user_id = null, salesforce_contact_id = null, "
                        + "salesforce_individual_id = null, email = null, phone = null, locale = null, time_zone = null, "
                        + "country = null, subdivision = null, postal_code = null, updated_at = :at, erased_at = :at "
                        + "where id = :id and erased_at is null")
                .bind("id", id).bind("at", at.atOffset(ZoneOffset.UTC)).execute() > 0;
    }

    public <T> T inTransaction(Function<Handle, T> work) {
        return jdbi.inTransaction(work::apply);
    }

    private static void write(Handle handle, String sql, List<Customer> customers) {
        if (customers.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(sql);
        for (Customer customer : customers) {
            CustomerProfile profile = customer.profile();
            batch.bind("id", customer.id())
                    .bind("zendeskUserId", profile.externalRefs().zendeskUserId())
                    .bind("salesforceContactId", profile.externalRefs().salesforceContactId())
                    .bind("salesforceIndividualId", profile.externalRefs().salesforceIndividualId())
                    .bind("email", profile.email())
                    .bind("phone", profile.phone())
                    .bind("locale", profile.locale() == null ? null : profile.locale().toLanguageTag())
                    .bind("timeZone", profile.timeZone() == null ? null : profile.timeZone().getId())
                    .bind("country", profile.region().country())
                    .bind("subdivision", profile.region().subdivision())
                    .bind("postalCode", profile.region().postalCode())
                    .bind("createdAt", customer.createdAt().atOffset(ZoneOffset.UTC))
                    .bind("updatedAt", customer.updatedAt().atOffset(ZoneOffset.UTC))
                    .add();
        }
        batch.execute();
    }

    private static void insertTags(Handle handle, List<Customer> customers) {
        PreparedBatch segments = handle.prepareBatch("insert into customer_segment (customer_id, segment) values (:id, :tag)");
        PreparedBatch services = handle.prepareBatch("insert into customer_service (customer_id, service) values (:id, :tag)");
        for (Customer customer : customers) {
            customer.profile().segments().forEach(tag -> segments.bind("id", customer.id()).bind("tag", tag).add());
            customer.profile().services().forEach(tag -> services.bind("id", customer.id()).bind("tag", tag).add());
        }
        if (segments.size() > 0) {
            segments.execute();
        }
        if (services.size() > 0) {
            services.execute();
        }
    }

    private static void deleteTags(Handle handle, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        handle.createUpdate("delete from customer_segment where customer_id in (<ids>)").bindList("ids", ids).execute();
        handle.createUpdate("delete from customer_service where customer_id in (<ids>)").bindList("ids", ids).execute();
    }

    private static void bindList(Query query, String name, Collection<?> values) {
        if (!values.isEmpty()) {
            query.bindList(name, List.copyOf(values));
        }
    }

    private static List<Customer> load(Handle handle, String condition, Consumer<Query> binder) {
        Query query = handle.createQuery("select " + COLUMNS + " from customer " + condition);
        binder.accept(query);
        Map<UUID, Row> rows = new LinkedHashMap<>();
        query.map((rs, ctx) -> row(rs)).forEach(row -> rows.put(row.id, row));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, TreeSet<String>> segments = tags(handle, "select customer_id, segment from customer_segment where customer_id in (<ids>)", rows.keySet());
        Map<UUID, TreeSet<String>> services = tags(handle, "select customer_id, service from customer_service where customer_id in (<ids>)", rows.keySet());
        List<Customer> customers = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            customers.add(row.toCustomer(segments.get(row.id), services.get(row.id)));
        }
        return customers;
    }

    private static Map<UUID, TreeSet<String>> tags(Handle handle, String sql, Collection<UUID> ids) {
        Map<UUID, TreeSet<String>> tags = new HashMap<>();
        handle.createQuery(sql).bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .forEach(entry -> tags.computeIfAbsent(entry.getKey(), id -> new TreeSet<>()).add(entry.getValue()));
        return tags;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject("id", UUID.class),
                new ExternalRefs(rs.getString("zendesk_user_id"), rs.getString("salesforce_contact_id"),
                        rs.getString("salesforce_individual_id")),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("locale"),
                rs.getString("time_zone"),
                new Region(rs.getString("country"), rs.getString("subdivision"), rs.getString("postal_code")),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private record Row(UUID id, ExternalRefs refs, String email, String phone, String locale, String timeZone,
                       Region region, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        Customer toCustomer(TreeSet<String> segments, TreeSet<String> services) {
            CustomerProfile profile = new CustomerProfile(refs, email, phone,
                    locale == null ? null : Locale.forLanguageTag(locale),
                    timeZone == null ? null : ZoneId.of(timeZone),
                    region, segments, services);
            return new Customer(id, profile, createdAt.toInstant(), updatedAt.toInstant());
        }
    }
}
