package io.tidings.webhooks.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Webhook endpoints in the database, with the event types each subscribes to. */
@ApplicationScoped
public class WebhookEndpointStore {

    private static final String COLUMNS = "id, url, description, enabled, disabled_reason, created_at, updated_at";

    private final Jdbi jdbi;

    @Inject
    public WebhookEndpointStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(WebhookEndpoint endpoint, EndpointSecret secret) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("insert into webhook_endpoint (" + COLUMNS + ", secret) values (:id, :url, :description, "
                            + ":enabled, :disabledReason, :createdAt, :updatedAt, :secret)")
                    .bindMap(values(endpoint))
                    .bind("secret", secret.value())
                    .execute();
            insertEventTypes(handle, endpoint);
        });
    }

    /** Replaces the stored endpoint; false when there is none with its id. */
    public boolean update(WebhookEndpoint endpoint) {
        return jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate("update webhook_endpoint set url = :url, description = :description, "
                            + "enabled = :enabled, disabled_reason = :disabledReason, updated_at = :updatedAt where id = :id")
                    .bindMap(values(endpoint))
                    .execute();
            if (updated == 0) {
                return false;
            }
            handle.createUpdate("delete from webhook_endpoint_event where endpoint_id = :id").bind("id", endpoint.id()).execute();
            insertEventTypes(handle, endpoint);
            return true;
        });
    }

    public Optional<WebhookEndpoint> find(UUID id) {
        return read(id).stream().findFirst();
    }

    /** Every endpoint, oldest first. */
    public List<WebhookEndpoint> list() {
        return read(null);
    }

    public Optional<EndpointSecret> secret(UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery("select secret from webhook_endpoint where id = :id")
                .bind("id", id).mapTo(String.class).findOne().map(EndpointSecret::new));
    }

    public boolean delete(UUID id) {
        return jdbi.withHandle(handle -> handle.createUpdate("delete from webhook_endpoint where id = :id")
                .bind("id", id).execute()) == 1;
    }

    /** The endpoint with this id, or every endpoint for a null id. */
    private List<WebhookEndpoint> read(UUID id) {
        String typesWhere = id == null ? "" : " where endpoint_id = :id";
        String endpointsWhere = id == null ? "" : " where id = :id";
        return jdbi.withHandle(handle -> {
            Map<UUID, Set<WebhookEventType>> types = new HashMap<>();
            Query typeQuery = handle.createQuery("select endpoint_id, event_type from webhook_endpoint_event" + typesWhere);
            Query endpointQuery = handle.createQuery("select " + COLUMNS + " from webhook_endpoint" + endpointsWhere
                    + " order by created_at, id");
            if (id != null) {
                typeQuery.bind("id", id);
                endpointQuery.bind("id", id);
            }
            typeQuery.map((rs, ctx) -> Map.entry(rs.getObject("endpoint_id", UUID.class),
                            WebhookEventType.fromWireName(rs.getString("event_type"))))
                    .forEach(row -> types.computeIfAbsent(row.getKey(), key -> EnumSet.noneOf(WebhookEventType.class))
                            .add(row.getValue()));
            return endpointQuery.map((rs, ctx) -> endpoint(rs, types)).list();
        });
    }

    private static WebhookEndpoint endpoint(ResultSet rs, Map<UUID, Set<WebhookEventType>> types) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new WebhookEndpoint(id, URI.create(rs.getString("url")), rs.getString("description"), types.get(id),
                rs.getBoolean("enabled"), rs.getString("disabled_reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static void insertEventTypes(Handle handle, WebhookEndpoint endpoint) {
        PreparedBatch batch = handle.prepareBatch("insert into webhook_endpoint_event (endpoint_id, event_type) "
                + "values (:id, :type)");
        for (WebhookEventType type : endpoint.eventTypes()) {
            batch.bind("id", endpoint.id()).bind("type", type.wireName()).add();
        }
        batch.execute();
    }

    private static Map<String, Object> values(WebhookEndpoint endpoint) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", endpoint.id());
        values.put("url", endpoint.url().toString());
        values.put("description", endpoint.description());
        values.put("enabled", endpoint.enabled());
        values.put("disabledReason", endpoint.disabledReason());
        values.put("createdAt", endpoint.createdAt().atOffset(ZoneOffset.UTC));
        values.put("updatedAt", endpoint.updatedAt().atOffset(ZoneOffset.UTC));
        return values;
    }
}
