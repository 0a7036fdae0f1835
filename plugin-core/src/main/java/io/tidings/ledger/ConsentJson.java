package io.tidings.ledger;

import io.tidings.api.model.ConsentRecordEvidence;
import io.tidings.consent.ChainVerification;
import io.tidings.consent.ConsentRecord;
import io.tidings.consent.ConsentStatement;
import io.tidings.consent.CurrentConsent;
import io.tidings.consent.Evidence;
import io.tidings.preference.PreferencesJson;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Consent records, current consent and ledger verifications as the REST API shows them. */
public final class ConsentJson {

    private ConsentJson() {
    }

    /** The API view of a ledger record. */
    public static io.tidings.api.model.ConsentRecord toApi(ConsentRecord record) {
        ConsentStatement statement = record.statement();
        Evidence evidence = statement.evidence();
        ConsentRecordEvidence shown = new ConsentRecordEvidence().erased(evidence.isErased())
                .personalDigest(evidence.personalDigest());
        shown.agentId(evidence.agentId())
                .ticketId(evidence.ticketId())
                .ipAddress(evidence.ipAddress())
                .userAgent(evidence.userAgent())
                .noticeVersion(evidence.noticeVersion())
                .note(evidence.note());
        return new io.tidings.api.model.ConsentRecord()
                .customerId(record.customerId())
                .sequence(record.sequence())
                .purpose(io.tidings.api.model.ConsentPurpose.valueOf(statement.purpose().name()))
                .status(io.tidings.api.model.ConsentStatus.valueOf(statement.status().name()))
                .basis(io.tidings.api.model.ConsentBasis.valueOf(statement.basis().name()))
                .channels(statement.scope().allChannels() ? null
                        : statement.scope().channels().stream().map(PreferencesJson::api).toList())
                .capturedAt(utc(statement.capturedAt()))
                .effectiveFrom(utc(statement.effectiveFrom()))
                .effectiveTo(utc(statement.effectiveTo()))
                .source(io.tidings.api.model.ConsentSource.valueOf(statement.source().name()))
                .evidence(shown)
                .previousHash(record.previousHash())
                .hash(record.hash());
    }

    static io.tidings.api.model.CurrentConsent toApi(CurrentConsent current) {
        return new io.tidings.api.model.CurrentConsent()
                .asOf(utc(current.asOf()))
                .states(current.states().stream().map(state -> new io.tidings.api.model.ConsentStateView()
                        .purpose(io.tidings.api.model.ConsentPurpose.valueOf(state.purpose().name()))
                        .channel(PreferencesJson.api(state.channel()))
                        .status(io.tidings.api.model.ConsentStatus.valueOf(state.status().name()))
                        .sequence(state.sequence())).toList());
    }

    static io.tidings.api.model.ChainVerification toApi(UUID customerId, ChainVerification verification) {
        return new io.tidings.api.model.ChainVerification()
                .customerId(customerId)
                .intact(verification.isIntact())
                .recordsChecked(verification.recordsChecked())
                .brokenSequence(verification.isIntact() ? null : verification.brokenSequence())
                .breakKind(verification.isIntact() ? null
                        : io.tidings.api.model.ChainVerification.BreakKindEnum.valueOf(verification.breakKind().name()))
                .detail(verification.detail());
    }

    static io.tidings.api.model.LedgerVerification toApi(LedgerVerification verification) {
        return new io.tidings.api.model.LedgerVerification()
                .intact(verification.isIntact())
                .ledgersChecked(verification.ledgersChecked())
                .recordsChecked(verification.recordsChecked())
                .broken(verification.broken().stream()
                        .map(broken -> toApi(broken.customerId(), broken.verification())).toList());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
