package io.tidings.consent;

import java.time.Instant;
import java.util.Objects;

/**
 * What a consent record says, without its place in the ledger.
 *
 * @param purpose       what the consent is for
 * @param status        granted, denied, revoked or expired
 * @param basis         explicit or implicit
 * @param scope         the channels it covers
 * @param capturedAt    when it was captured
 * @param effectiveFrom when it starts to apply
 * @param effectiveTo   when it stops applying (exclusive), or null for open-ended
 * @param source        where it was captured
 * @param evidence      what backs it
 */
public record ConsentStatement(ConsentPurpose purpose, ConsentStatus status, ConsentBasis basis, ChannelScope scope,
                               Instant capturedAt, Instant effectiveFrom, Instant effectiveTo, ConsentSource source,
                               Evidence evidence) {

    public ConsentStatement {
        Objects.requireNonNull(purpose, "purpose must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(basis, "basis must not be null");
        Objects.requireNonNull(scope, "scope must not be null");
        Objects.requireNonNull(capturedAt, "capturedAt must not be null");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom must not be null");
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(evidence, "evidence must not be null");
        if (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException(
                    "effectiveTo " + effectiveTo + " must be after effectiveFrom " + effectiveFrom);
        }
    }

    /** Whether the statement applies at the instant (effectiveFrom inclusive, effectiveTo exclusive). */
    public boolean inForceAt(Instant instant) {
        return !instant.isBefore(effectiveFrom) && (effectiveTo == null || instant.isBefore(effectiveTo));
    }
}
