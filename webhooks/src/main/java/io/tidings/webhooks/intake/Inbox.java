package io.tidings.webhooks.intake;

import io.tidings.persistence.DatabaseTime;
import io.tidings.persistence.UuidV7;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The webhook inbox in the database: every accepted delivery once, whatever the sender redelivers. */
@ApplicationScoped
public class Inbox {

    // ON CONFLICT DO NOTHING without a conflict target: PostgreSQL and H2 (PostgreSQL mode) both
    // accept this form, and the only unique key besides the generated id is the dedup key.
    private static final String INSERT = "insert into inbox (id, source, source_event_id, dedup_key, event_type, subject, "
            + "occurred_at, received_at, payload, status, claimed_until, attempts) values (:id, :source, :sourceEventId, "
            + ":dedupKey, :eventType, :subject, :occurredAt, :receivedAt, :payload, 'PENDING', :claimedUntil, :attempts) "
            + "on conflict do nothing";

    private final Jdbi jdbi;
    private final Clock clock;

    @Inject
    public Inbox(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Stores the deliveries in one transaction, skipping any the inbox already holds (the same
     * {@linkplain InboundDelivery#dedupKey() event} from the same source). Returns how many were new;
     * when it returns, they are committed.
     */
    public int store(List<InboundDelivery> deliveries) {
        return (int) storeEach(deliveries, Duration.ZERO).stream().filter(Optional::isPresent).count();
    }

    /**
     * Stores the deliveries in one transaction; answers, per delivery in order, the new entry, or
     * nothing for one the inbox already held (or an earlier one in the list already stored). With
     * a positive {@code lease} the new entries are stored as if claimed by the caller for that long;
     * with {@link Duration#ZERO}, unclaimed.
     */
    public List<Optional<InboxEntry>> storeEach(List<InboundDelivery> deliveries, Duration lease) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = DatabaseTime.now(clock).atOffset(ZoneOffset.UTC);
        boolean leased = lease.isPositive();
        int attempts = leased ? 1 : 0;
        return jdbi.inTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            List<UUID> ids = new ArrayList<>(deliveries.size());
            for (InboundDelivery delivery : deliveries) {
                UUID id = UuidV7.next(clock);
                ids.add(id);
                batch.bind("id", id)
                        .bind("source", delivery.source().wireName())
                        .bind("sourceEventId", delivery.sourceEventId())
                        .bind("dedupKey", delivery.dedupKey())
                        .bind("eventType", delivery.eventType())
                        .bind("subject", delivery.subject())
                        .bind("occurredAt", DatabaseTime.stored(delivery.occurredAt()).atOffset(ZoneOffset.UTC))
                        .bind("receivedAt", now)
                        .bind("payload", delivery.payload())
                        .bindByType("claimedUntil", leased ? now.plus(lease) : null, OffsetDateTime.class)
                        .bind("attempts", attempts)
                        .add();
            }
            int[] counts = batch.execute();
            List<Optional<InboxEntry>> stored = new ArrayList<>(counts.length);
            for (int i = 0; i < counts.length; i++) {
                stored.add(counts[i] > 0
                        ? Optional.of(new InboxEntry(ids.get(i), deliveries.get(i), attempts))
                        : Optional.empty());
            }
            return stored;
        });
    }

    /**
     * Gives up the lease on entries stored or claimed leased but not worked, e.g. when the worker
     * stops: any worker may claim them at once, and the claim given up does not count as an attempt.
     */
    public void release(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbi.useHandle(handle -> handle.createUpdate("update inbox set claimed_until = null, claim_token = null, "
                            + "attempts = attempts - 1 where id in (<ids>) and status = 'PENDING' and claimed_until is not null")
                    .bindList("ids", ids)
                    .execute());
        }
    }

    /**
     * Claims up to {@code max} pending entries of the given sources, oldest event first, for the
     * lease: other workers (in this replica or another) skip them until it runs out, so a worker
     * that dies leaves its entries to be claimed again.
     * <p>
     * The candidates are read without locks, per source, from the two ranges of the
     * {@code inbox_pending} index that hold claimable entries: unleased ones, oldest event first, and
     * those whose lease ran out, longest run out first; no read passes over entries under a live
     * lease, and each is one range of one index whatever the statistics say. One update leases the
     * oldest events of them all under a fresh token, if still pending and unleased, and the entries
     * carrying it are read back, so a candidate another worker leased first is dropped. Two
     * statements a source and two a batch, whatever its size or the number of leased entries.
     * (H2 reads and locks every pending row for {@code SELECT ... FOR UPDATE} with a limit, which
     * made each claim cost as much as the backlog.)
     */
    public List<InboxEntry> claim(Collection<DeliverySource> sources, int max, Duration lease) {
        return jdbi.inTransaction(handle -> claim(handle, sources, max, lease));
    }

    private List<InboxEntry> claim(Handle handle, Collection<DeliverySource> sources, int max, Duration lease) {
        if (sources.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = DatabaseTime.now(clock).atOffset(ZoneOffset.UTC);
        List<Candidate> claimable = new ArrayList<>();
        for (DeliverySource source : sources) {
            // Ordered by the index's own columns, so that both databases read one range of it in order and stop at the limit.
            claimable.addAll(handle.createQuery("select id, occurred_at from inbox where status = 'PENDING' "
                            + "and source = :source and claimed_until is null "
                            + "order by status, source, claimed_until, occurred_at, id limit :max")
                    .bind("source", source.wireName())
                    .bind("max", max)
                    .map((rs, ctx) -> candidate(rs))
                    .list());
            claimable.addAll(handle.createQuery("select id, occurred_at from inbox where status = 'PENDING' "
                            + "and source = :source and claimed_until < :now "
                            + "order by status, source, claimed_until limit :max")
                    .bind("source", source.wireName())
                    .bind("now", now)
                    .bind("max", max)
                    .map((rs, ctx) -> candidate(rs))
                    .list());
        }
        List<UUID> candidates = claimable.stream()
                .sorted(Candidate.OLDEST_EVENT_FIRST)
                .limit(max)
                .map(Candidate::id)
                .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        UUID token = UUID.randomUUID();
        int leased = handle.createUpdate("update inbox set claim_token = :token, claimed_until = :until, "
                        + "attempts = attempts + 1 where id in (<ids>) and status = 'PENDING' "
                        + "and (claimed_until is null or claimed_until < :now)")
                .bind("token", token)
                .bind("until", now.plus(lease))
                .bind("now", now)
                .bindList("ids", candidates)
                .execute();
        if (leased == 0) {
            return List.of();
        }
        return handle.createQuery("select id, source, source_event_id, event_type, subject, occurred_at, payload, "
                        + "attempts from inbox where id in (<ids>) and claim_token = :token order by occurred_at, id")
                .bindList("ids", candidates)
                .bind("token", token)
                .map((rs, ctx) -> entry(rs))
                .list();
    }

    /**
     * Records what became of claimed entries, all in one transaction: settled ones leave the
     * pending work for good; the others keep their note and are claimed again once their lease
     * runs out.
     */
    public void record(List<InboxOutcome> outcomes) {
        if (!outcomes.isEmpty()) {
            jdbi.useTransaction(handle -> record(handle, outcomes));
        }
    }

    /** An outcome without its entry: what entries that ended alike share. */
    private record Ending(UUID customerId, InboxStatus status, String detail) {
    }

    /** One update per distinct outcome: a batch whose entries ended alike costs one statement. */
    private void record(Handle handle, List<InboxOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        OffsetDateTime now = DatabaseTime.now(clock).atOffset(ZoneOffset.UTC);
        Map<Ending, List<UUID>> alike = new LinkedHashMap<>();
        for (InboxOutcome outcome : outcomes) {
            alike.computeIfAbsent(new Ending(outcome.customerId(), outcome.status(), outcome.detail()),
                    key -> new ArrayList<>()).add(outcome.entryId());
        }
        alike.forEach((outcome, ids) -> {
            if (outcome.status() != InboxStatus.PENDING) {
                handle.createUpdate("update inbox set status = :status, outcome = :outcome, "
                                + "customer_id = cast(:customerId as uuid), processed_at = :now, claimed_until = null "
                                + "where id in (<ids>)")
                        .bind("status", outcome.status().name())
                        .bind("outcome", outcome.detail())
                        .bindByType("customerId", outcome.customerId(), UUID.class)
                        .bind("now", now)
                        .bindList("ids", ids)
                        .execute();
            } else {
                handle.createUpdate("update inbox set outcome = :outcome where id in (<ids>)")
                        .bind("outcome", outcome.detail())
                        .bindList("ids", ids)
                        .execute();
            }
        });
    }

    /**
     * Deletes up to {@code max} entries received before {@code cutoff} that were processed, ignored
     * or stale, oldest first; pending and failed entries stay. Returns how many went. The ids are
     * time-ordered, so the primary key finds them without a scan of the table.
     */
    public int deleteSettledBefore(Instant cutoff, int max) {
        return jdbi.withHandle(handle -> handle.createUpdate("delete from inbox where id in (select id from inbox "
                        + "where id < :floor and status in ('PROCESSED', 'IGNORED', 'STALE') order by id limit :max)")
                .bind("floor", UuidV7.floor(cutoff))
                .bind("max", max)
                .execute());
    }

    /**
     * Records that an event of this kind about this subject, at this time, is being applied, unless
     * a newer one already was: false means the event arrived out of order and must be skipped.
     * Events at the same instant all apply.
     */
    public boolean applyIfNewest(DeliverySource source, String subject, String eventKind, Instant occurredAt) {
        OffsetDateTime at = DatabaseTime.stored(occurredAt).atOffset(ZoneOffset.UTC);
        return jdbi.withHandle(handle -> {
            // Insert-or-advance in single statements: the row lock orders concurrent workers.
            int inserted = handle.createUpdate("insert into inbox_applied (source, subject, event_kind, occurred_at) "
                            + "values (:source, :subject, :kind, :at) on conflict do nothing")
                    .bind("source", source.wireName()).bind("subject", subject).bind("kind", eventKind).bind("at", at)
                    .execute();
            return inserted == 1 || handle.createUpdate("update inbox_applied set occurred_at = :at where source = :source "
                            + "and subject = :subject and event_kind = :kind and occurred_at <= :at")
                    .bind("source", source.wireName()).bind("subject", subject).bind("kind", eventKind).bind("at", at)
                    .execute() == 1;
        });
    }

    /** A pending entry a claim may take. */
    private record Candidate(UUID id, Instant occurredAt) {
        static final Comparator<Candidate> OLDEST_EVENT_FIRST =
                Comparator.comparing(Candidate::occurredAt).thenComparing(Candidate::id);
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(rs.getObject("id", UUID.class), rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }

    private static InboxEntry entry(ResultSet rs) throws SQLException {
        return new InboxEntry(rs.getObject("id", UUID.class), new InboundDelivery(
                DeliverySource.fromWireName(rs.getString("source")), rs.getString("source_event_id"),
                rs.getString("event_type"), rs.getString("subject"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("payload")),
                rs.getInt("attempts"));
    }
}
