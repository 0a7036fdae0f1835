package io.tidings.zendesk.sync;

import io.tidings.persistence.DatabaseTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

/** Where resumable Zendesk jobs stand (the export cursor, the backfill's last customer), by name. */
@ApplicationScoped
public class SyncPositions {

    private final Jdbi jdbi;
    private final Clock clock;

    @Inject
    public SyncPositions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Optional<String> get(String name) {
        return jdbi.withHandle(handle -> handle.createQuery("select position from zendesk_sync_position where name = :name")
                .bind("name", name).mapTo(String.class).findOne());
    }

    public void put(String name, String position) {
        var now = DatabaseTime.now(clock).atOffset(ZoneOffset.UTC);
        jdbi.useTransaction(handle -> {
            int updated = handle.createUpdate("update zendesk_sync_position set position = :position, updated_at = :now "
                    + "where name = :name").bind("name", name).bind("position", position).bind("now", now).execute();
            if (updated == 0) {
                handle.createUpdate("insert into zendesk_sync_position (name, position, updated_at) "
                        + "values (:name, :position, :now)").bind("name", name).bind("position", position)
                        .bind("now", now).execute();
            }
        });
    }

    public void clear(String name) {
        jdbi.useHandle(handle -> handle.createUpdate("delete from zendesk_sync_position where name = :name")
                .bind("name", name).execute());
    }
}
