package io.tidings.webhooks.intake;

import io.tidings.persistence.DatabaseTime;
import io.tidings.persistence.UuidV7;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/** The webhook inbox in the database: every accepted delivery once, whatever the sender redelivers. */
@ApplicationScoped
public class Inbox {

    // ON CONFLICT DO NOTHING without a conflict target: PostgreSQL and H2 (PostgreSQL mode) both
    // accept this form, and the only unique key besides the generated id is (source, source_event_id).
    private static final String INSERT = "insert into inbox (id, source, source_event_id, event_type, subject, "
            + "occurred_at, received_at, payload, status, attempts) values (:id, :source, :sourceEventId, :eventType, "
            + ":subject, :occurredAt, :receivedAt, :payload, 'PENDING', 0) on conflict do nothing";

    private final Jdbi jdbi;
    private final Clock clock;

    @Inject
    public Inbox(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Stores the deliveries in one transaction, skipping any the inbox already holds (same source
     * and source event id). Returns how many were new; when it returns, they are committed.
     */
    public int store(List<InboundDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (InboundDelivery delivery : deliveries) {
                batch.bind("id", UuidV7.next(clock))
                        .bind("source", delivery.source().wireName())
                        .bind("sourceEventId", delivery.sourceEventId())
                        .bind("eventType", delivery.eventType())
                        .bind("subject", delivery.subject())
                        .bind("occurredAt", DatabaseTime.stored(delivery.occurredAt()).atOffset(ZoneOffset.UTC))
                        .bind("receivedAt", DatabaseTime.now(clock).atOffset(ZoneOffset.UTC))
                        .bind("payload", delivery.payload())
                        .add();
            }
            int stored = 0;
            for (int count : batch.execute()) {
                stored += count;
            }
            return stored;
        });
    }
}
