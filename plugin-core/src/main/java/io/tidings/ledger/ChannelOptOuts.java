package io.tidings.ledger;

import io.tidings.consent.ChannelScope;
import io.tidings.consent.ConsentBasis;
import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentRecord;
import io.tidings.consent.ConsentSource;
import io.tidings.consent.ConsentState;
import io.tidings.consent.ConsentStatement;
import io.tidings.consent.ConsentStatus;
import io.tidings.consent.CurrentConsent;
import io.tidings.consent.Evidence;
import io.tidings.persistence.DatabaseTime;
import io.tidings.preference.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer's opt-out and opt-back-in on one channel, said outside the preference centre (an SMS
 * STOP or START, a spam report): written to the consent ledger as explicit revocations and grants
 * scoped to that channel.
 */
@ApplicationScoped
public class ChannelOptOuts {

    /** The purposes a channel opt-out withdraws: everything but legal notices, which only move channel. */
    private static final List<ConsentPurpose> MESSAGING = List.of(ConsentPurpose.SERVICE_COMMUNICATIONS,
            ConsentPurpose.MARKETING);

    private final ConsentLedger ledger;
    private final Clock clock;

    @Inject
    public ChannelOptOuts(ConsentLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Stops all messages on the channel: service communications are revoked, and marketing where
     * it was granted (revoking a consent never given would let a later opt-in grant it).
     */
    public List<ConsentRecord> optOut(UUID customerId, Channel channel, ConsentSource source, String note) {
        Instant now = DatabaseTime.now(clock);
        CurrentConsent current = ledger.current(customerId, now);
        List<ConsentRecord> written = new ArrayList<>();
        for (ConsentPurpose purpose : MESSAGING) {
            ConsentState state = current.stateOf(purpose, channel);
            boolean needsGrant = purpose == ConsentPurpose.MARKETING;
            if (needsGrant ? state != null && state.status().allows() : state == null || state.status().allows()) {
                written.add(ledger.record(customerId, statement(purpose, ConsentStatus.REVOKED, channel, source, note, now)));
            }
        }
        return written;
    }

    /**
     * Withdraws one purpose on the channel, e.g. marketing email after a spam report; empty when it is
     * withdrawn or refused already (a provider repeating its report adds nothing).
     */
    public Optional<ConsentRecord> revoke(UUID customerId, ConsentPurpose purpose, Channel channel,
                                         ConsentSource source, String note) {
        Instant now = DatabaseTime.now(clock);
        ConsentState state = ledger.current(customerId, now).stateOf(purpose, channel);
        if (state != null && !state.status().allows()) {
            return Optional.empty();
        }
        return Optional.of(ledger.record(customerId, statement(purpose, ConsentStatus.REVOKED, channel, source, note, now)));
    }

    /** Grants again, on the channel, exactly the purposes an opt-out from {@code source} withdrew there. */
    public List<ConsentRecord> optBackIn(UUID customerId, Channel channel, ConsentSource source, String note) {
        Instant now = DatabaseTime.now(clock);
        List<ConsentRecord> records = ledger.records(customerId);
        CurrentConsent current = CurrentConsent.derive(records, now);
        List<ConsentRecord> written = new ArrayList<>();
        for (ConsentPurpose purpose : MESSAGING) {
            ConsentState state = current.stateOf(purpose, channel);
            if (state != null && state.status() == ConsentStatus.REVOKED
                    && sourceOf(records, state.sequence()) == source) {
                written.add(ledger.record(customerId, statement(purpose, ConsentStatus.GRANTED, channel, source, note, now)));
            }
        }
        return written;
    }

    private static ConsentSource sourceOf(List<ConsentRecord> records, long sequence) {
        return records.stream().filter(record -> record.sequence() == sequence).findFirst()
                .map(record -> record.statement().source()).orElse(null);
    }

    private static ConsentStatement statement(ConsentPurpose purpose, ConsentStatus status, Channel channel,
                                              ConsentSource source, String note, Instant now) {
        return new ConsentStatement(purpose, status, ConsentBasis.EXPLICIT, ChannelScope.of(channel), now, now, null,
                source, new Evidence(null, null, null, null, null, note));
    }
}
