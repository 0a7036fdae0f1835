package io.tidings.push;

import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.customer.ExternalRefs;
import io.tidings.persistence.DatabaseTime;
import io.tidings.persistence.UuidV7;
import io.tidings.privacy.ErasureStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Customers' push registration tokens in the database. */
@ApplicationScoped
public class DeviceTokenStore implements ErasureStep {

    private static final String COLUMNS = "id, customer_id, token, platform, registered_at";

    private final Jdbi jdbi;
    private final CustomerStore customers;
    private final Clock clock;

    @Inject
    public DeviceTokenStore(Jdbi jdbi, CustomerStore customers, Clock clock) {
        this.jdbi = jdbi;
        this.customers = customers;
        this.clock = clock;
    }

    /** A registration and whether this call made it (false: the customer had the token already). */
    public record Registration(DeviceToken token, boolean created) {
    }

    /**
     * Registers the token for the customer. A token already registered for them answers that
     * registration; one registered for another customer moves to this one, under a new id.
     */
    public Registration register(UUID customerId, String token, DevicePlatform platform) {
        return customers.inTransaction(handle -> {
            if (!customers.lock(handle, customerId)) {
                throw Customers.notFound(customerId);
            }
            Optional<DeviceToken> existing = handle.createQuery("select " + COLUMNS + " from device_token "
                            + "where token = :token for update")
                    .bind("token", token)
                    .map((rs, ctx) -> read(rs))
                    .findOne();
            if (existing.isPresent() && existing.get().customerId().equals(customerId)) {
                return new Registration(existing.get(), false);
            }
            existing.ifPresent(moved -> handle.createUpdate("delete from device_token where id = :id")
                    .bind("id", moved.id()).execute());
            DeviceToken registered = new DeviceToken(UuidV7.next(clock), customerId, token, platform,
                    DatabaseTime.now(clock));
            handle.createUpdate("insert into device_token (" + COLUMNS + ") values (:id, :customerId, :token, "
                            + ":platform, :registeredAt)")
                    .bind("id", registered.id())
                    .bind("customerId", customerId)
                    .bind("token", token)
                    .bind("platform", platform.name())
                    .bind("registeredAt", utc(registered.registeredAt()))
                    .execute();
            return new Registration(registered, true);
        });
    }

    /** The customer's tokens, oldest registration first. */
    public List<DeviceToken> tokens(UUID customerId) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from device_token "
                        + "where customer_id = :customerId order by registered_at, id")
                .bind("customerId", customerId)
                .map((rs, ctx) -> read(rs))
                .list());
    }

    /** Removes one of the customer's registrations; false when they have no such registration. */
    public boolean remove(UUID customerId, UUID tokenId) {
        return jdbi.withHandle(handle -> handle.createUpdate("delete from device_token "
                        + "where id = :id and customer_id = :customerId")
                .bind("id", tokenId)
                .bind("customerId", customerId)
                .execute() > 0);
    }

    /** Forgets a token the push service reports it will never deliver to (the app was uninstalled). */
    public void forget(String token) {
        jdbi.useHandle(handle -> handle.createUpdate("delete from device_token where token = :token")
                .bind("token", token)
                .execute());
    }

    @Override
    public void erase(Handle handle, UUID customerId, ExternalRefs refs) {
        handle.createUpdate("delete from device_token where customer_id = :id").bind("id", customerId).execute();
    }

    private static DeviceToken read(ResultSet rs) throws SQLException {
        return new DeviceToken(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("token"), DevicePlatform.valueOf(rs.getString("platform")),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
