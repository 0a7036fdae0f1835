package io.tidings.ledger;

import io.tidings.consent.ChannelScope;
import io.tidings.consent.ConsentBasis;
import io.tidings.consent.ConsentChain;
import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentRecord;
import io.tidings.consent.ConsentSource;
import io.tidings.consent.ConsentStatement;
import io.tidings.consent.ConsentStatus;
import io.tidings.consent.Evidence;
import io.tidings.preference.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** Consent ledgers in the database: one row per record, appended only; erasure clears personal evidence. */
@ApplicationScoped
public class ConsentLedgerStore {

    private static final String COLUMNS = "customer_id, seq, purpose, status, basis, channel_scope, captured_at, "
            + "effective_from, effective_to, source, agent_id, ticket_id, ip_address, user_agent, notice_version, note, "
            + "evidence_digest, previous_hash, hash";

    private final Jdbi jdbi;

    @Inject
    public ConsentLedgerStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Appends the statement as the customer's next record, linked to the last one. The caller holds
     * the customer's row lock, so no other append for the customer runs in between.
     */
    public ConsentRecord append(Handle handle, UUID customerId, ConsentStatement statement) {
        List<ConsentRecord> last = handle.createQuery("select " + COLUMNS + " from consent_record "
                        + "where customer_id = :customerId order by seq desc limit 1")
                .bind("customerId", customerId)
                .map((rs, ctx) -> record(rs))
                .list();
        ConsentRecord appended = ConsentChain.of(customerId, last).append(statement).records().getLast();
        insert(handle, appended);
        return appended;
    }

    /** A customer's records in sequence order. */
    public List<ConsentRecord> records(UUID customerId) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from consent_record "
                        + "where customer_id = :customerId order by seq")
                .bind("customerId", customerId)
                .map((rs, ctx) -> record(rs))
                .list());
    }

    /** Hands every customer's ledger, in sequence order, to {@code ledgers}, one customer at a time. */
    public void forEachLedger(Consumer<ConsentChain> ledgers) {
        jdbi.useHandle(handle -> {
            List<ConsentRecord> records = new ArrayList<>();
            handle.createQuery("select " + COLUMNS + " from consent_record order by customer_id, seq")
                    .setFetchSize(500)
                    .map((rs, ctx) -> record(rs))
                    .forEach(record -> {
                        if (!records.isEmpty() && !records.getFirst().customerId().equals(record.customerId())) {
                            ledgers.accept(ConsentChain.of(records.getFirst().customerId(), records));
                            records.clear();
                        }
                        records.add(record);
                    });
            if (!records.isEmpty()) {
                ledgers.accept(ConsentChain.of(records.getFirst().customerId(), records));
            }
        });
    }

    /** Clears the personal evidence of every record of the customer, keeping each one's digest. */
    public void eraseEvidence(Handle handle, UUID customerId) {
        List<ConsentRecord> records = handle.createQuery("select " + COLUMNS + " from consent_record "
                        + "where customer_id = :customerId and evidence_digest is null")
                .bind("customerId", customerId)
                .map((rs, ctx) -> record(rs))
                .list();
        PreparedBatch batch = handle.prepareBatch("update consent_record set agent_id = null, ticket_id = null, "
                + "ip_address = null, user_agent = null, note = null, evidence_digest = :digest "
                + "where customer_id = :customerId and seq = :seq");
        for (ConsentRecord record : records) {
            batch.bind("digest", record.statement().evidence().personalDigest())
                    .bind("customerId", customerId)
                    .bind("seq", record.sequence())
                    .add();
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static void insert(Handle handle, ConsentRecord record) {
        ConsentStatement statement = record.statement();
        Evidence evidence = statement.evidence();
        handle.createUpdate("insert into consent_record (" + COLUMNS + ") values (:customerId, :seq, :purpose, "
                        + ":status, :basis, :scope, :capturedAt, :effectiveFrom, :effectiveTo, :source, :agentId, "
                        + ":ticketId, :ipAddress, :userAgent, :noticeVersion, :note, :digest, :previousHash, :hash)")
                .bind("customerId", record.customerId())
                .bind("seq", record.sequence())
                .bind("purpose", statement.purpose().name())
                .bind("status", statement.status().name())
                .bind("basis", statement.basis().name())
                .bind("scope", scope(statement.scope()))
                .bind("capturedAt", utc(statement.capturedAt()))
                .bind("effectiveFrom", utc(statement.effectiveFrom()))
                .bind("effectiveTo", utc(statement.effectiveTo()))
                .bind("source", statement.source().name())
                .bind("agentId", evidence.agentId())
                .bind("ticketId", evidence.ticketId())
                .bind("ipAddress", evidence.ipAddress())
                .bind("userAgent", evidence.userAgent())
                .bind("noticeVersion", evidence.noticeVersion())
                .bind("note", evidence.note())
                .bind("digest", evidence.erasedDigest())
                .bind("previousHash", record.previousHash())
                .bind("hash", record.hash())
                .execute();
    }

    private static ConsentRecord record(ResultSet rs) throws SQLException {
        String digest = rs.getString("evidence_digest");
        Evidence evidence = digest == null
                ? new Evidence(rs.getString("agent_id"), rs.getString("ticket_id"), rs.getString("ip_address"),
                rs.getString("user_agent"), rs.getString("notice_version"), rs.getString("note"))
                : new Evidence(null, null, null, null, rs.getString("notice_version"), null, digest);
        ConsentStatement statement = new ConsentStatement(
                ConsentPurpose.valueOf(rs.getString("purpose")),
                ConsentStatus.valueOf(rs.getString("status")),
                ConsentBasis.valueOf(rs.getString("basis")),
                scope(rs.getString("channel_scope")),
                instant(rs, "captured_at"),
                instant(rs, "effective_from"),
                instant(rs, "effective_to"),
                ConsentSource.valueOf(rs.getString("source")),
                evidence);
        return new ConsentRecord(rs.getObject("customer_id", UUID.class), rs.getLong("seq"), statement,
                rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static String scope(ChannelScope scope) {
        return scope.allChannels() ? "*" : String.join(",", scope.channels().stream().map(Channel::name).toList());
    }

    private static ChannelScope scope(String stored) {
        if (stored.equals("*")) {
            return ChannelScope.all();
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String name : stored.split(",")) {
            channels.add(Channel.valueOf(name));
        }
        return new ChannelScope(false, channels);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
