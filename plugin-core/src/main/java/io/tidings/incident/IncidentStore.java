package io.tidings.incident;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** Incidents in the database: one row each, their scope values and status updates in side tables. */
@ApplicationScoped
public class IncidentStore {

    private static final String COLUMNS = "id, title, kind, severity, starts_at, declared_at, resolved_at";
    private static final String SERVICE = "SERVICE";
    private static final String REGION = "REGION";
    private static final String SEGMENT = "SEGMENT";

    private final Jdbi jdbi;

    @Inject
    public IncidentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <T> T inTransaction(java.util.function.Function<Handle, T> work) {
        return jdbi.inTransaction(work::apply);
    }

    /** Writes a newly declared incident with its scope and first update. */
    public void insert(Handle handle, Incident incident) {
        handle.createUpdate("insert into incident (" + COLUMNS + ", status) values (:id, :title, :kind, :severity, "
                        + ":startsAt, :declaredAt, :resolvedAt, :status)")
                .bind("id", incident.id())
                .bind("title", incident.title())
                .bind("kind", incident.kind().name())
                .bind("severity", incident.severity().name())
                .bind("startsAt", utc(incident.startsAt()))
                .bind("declaredAt", utc(incident.declaredAt()))
                .bind("resolvedAt", utc(incident.resolvedAt()))
                .bind("status", incident.status().name())
                .execute();
        PreparedBatch scope = handle.prepareBatch("insert into incident_scope (incident_id, dimension, scope_value) "
                + "values (:id, :dimension, :value)");
        addScope(scope, incident.id(), SERVICE, incident.scope().services());
        addScope(scope, incident.id(), REGION, incident.scope().regions());
        addScope(scope, incident.id(), SEGMENT, incident.scope().segments());
        if (scope.size() > 0) {
            scope.execute();
        }
        for (int sequence = 0; sequence < incident.timeline().size(); sequence++) {
            insertUpdate(handle, incident.id(), sequence, incident.timeline().get(sequence));
        }
    }

    /** Reads the incident and locks its row until the transaction ends, so its updates take turns. */
    public Optional<Incident> lock(Handle handle, UUID id) {
        return load(handle, "where id = :id for update", query -> query.bind("id", id)).stream().findFirst();
    }

    /** Writes the incident's latest update (its timeline is the stored one plus that update) and its new status. */
    public void appendLatest(Handle handle, Incident incident) {
        insertUpdate(handle, incident.id(), incident.timeline().size() - 1, incident.latest());
        handle.createUpdate("update incident set status = :status, resolved_at = :resolvedAt where id = :id")
                .bind("status", incident.status().name())
                .bind("resolvedAt", utc(incident.resolvedAt()))
                .bind("id", incident.id())
                .execute();
    }

    public Optional<Incident> find(UUID id) {
        return jdbi.withHandle(handle -> load(handle, "where id = :id", query -> query.bind("id", id))).stream().findFirst();
    }

    /** Up to {@code limit} incidents the filter selects at {@code at}, most recently declared first. */
    public List<Incident> list(IncidentFilter filter, Instant at, int limit) {
        String condition = switch (filter) {
            case ACTIVE -> "where resolved_at is null and starts_at <= :at";
            case UPCOMING -> "where resolved_at is null and starts_at > :at";
            case RESOLVED -> "where resolved_at is not null";
            case ALL -> "";
        };
        return jdbi.withHandle(handle -> load(handle, condition + " order by declared_at desc, id desc limit :limit",
                query -> query.bind("at", utc(at)).bind("limit", limit)));
    }

    /** Every incident not resolved, whether it has begun or not. */
    public List<Incident> unresolved() {
        return jdbi.withHandle(handle -> load(handle, "where resolved_at is null order by starts_at, id", query -> {
        }));
    }

    /** How many (unerased) customers the scope covers, counted by the database. */
    public long countCovered(IncidentScope scope) {
        StringBuilder sql = new StringBuilder("select count(*) from customer c where c.erased_at is null");
        if (!scope.services().isEmpty()) {
            sql.append(" and exists (select 1 from customer_service s where s.customer_id = c.id and s.service in (<services>))");
        }
        if (!scope.segments().isEmpty()) {
            sql.append(" and exists (select 1 from customer_segment s where s.customer_id = c.id and s.segment in (<segments>))");
        }
        if (!scope.regions().isEmpty()) {
            sql.append(" and (c.country in (<regions>) or c.subdivision in (<regions>))");
        }
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql.toString());
            bindNonEmpty(query, "services", scope.services());
            bindNonEmpty(query, "segments", scope.segments());
            bindNonEmpty(query, "regions", scope.regions());
            return query.mapTo(Long.class).one();
        });
    }

    private static void insertUpdate(Handle handle, UUID incidentId, int sequence, IncidentUpdate update) {
        handle.createUpdate("insert into incident_update (incident_id, sequence, status, message, posted_at, posted_by) "
                        + "values (:id, :sequence, :status, :message, :at, :by)")
                .bind("id", incidentId)
                .bind("sequence", sequence)
                .bind("status", update.status().name())
                .bind("message", update.message())
                .bind("at", utc(update.at()))
                .bind("by", update.by())
                .execute();
    }

    private static void addScope(PreparedBatch batch, UUID id, String dimension, Set<String> values) {
        values.forEach(value -> batch.bind("id", id).bind("dimension", dimension).bind("value", value).add());
    }

    private static void bindNonEmpty(Query query, String name, Set<String> values) {
        if (!values.isEmpty()) {
            query.bindList(name, List.copyOf(values));
        }
    }

    private static List<Incident> load(Handle handle, String condition, Consumer<Query> binder) {
        Query query = handle.createQuery("select " + COLUMNS + " from incident " + condition);
        binder.accept(query);
        Map<UUID, Row> rows = new LinkedHashMap<>();
        query.map((rs, ctx) -> row(rs)).forEach(row -> rows.put(row.id(), row));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = List.copyOf(rows.keySet());
        Map<UUID, Map<String, Set<String>>> scopes = new HashMap<>();
        handle.createQuery("select incident_id, dimension, scope_value from incident_scope where incident_id in (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .forEach(value -> scopes.computeIfAbsent(UUID.fromString(value[0]), id -> new HashMap<>())
                        .computeIfAbsent(value[1], dimension -> new HashSet<>()).add(value[2]));
        Map<UUID, List<IncidentUpdate>> timelines = new HashMap<>();
        handle.createQuery("select incident_id, status, message, posted_at, posted_by from incident_update "
                        + "where incident_id in (<ids>) order by incident_id, sequence")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getObject("incident_id", UUID.class), new IncidentUpdate(
                        IncidentStatus.valueOf(rs.getString("status")), rs.getString("message"),
                        rs.getObject("posted_at", OffsetDateTime.class).toInstant(), rs.getString("posted_by"))))
                .forEach(entry -> timelines.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        List<Incident> incidents = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            Map<String, Set<String>> scope = scopes.getOrDefault(row.id(), Map.of());
            incidents.add(new Incident(row.id(), row.title(), row.kind(), row.severity(),
                    new IncidentScope(scope.get(SERVICE), scope.get(REGION), scope.get(SEGMENT)),
                    row.startsAt(), row.declaredAt(), row.resolvedAt(), timelines.get(row.id())));
        }
        return incidents;
    }

    private static Row row(ResultSet rs) throws SQLException {
        OffsetDateTime resolved = rs.getObject("resolved_at", OffsetDateTime.class);
        return new Row(rs.getObject("id", UUID.class), rs.getString("title"), IncidentKind.valueOf(rs.getString("kind")),
                Severity.valueOf(rs.getString("severity")), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("declared_at", OffsetDateTime.class).toInstant(),
                resolved == null ? null : resolved.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private record Row(UUID id, String title, IncidentKind kind, Severity severity, Instant startsAt,
                       Instant declaredAt, Instant resolvedAt) {
    }
}
