package io.tidings.ledger;

import io.tidings.api.model.ConsentEvidence;
import io.tidings.api.model.ConsentInput;
import io.tidings.api.model.WithdrawalInput;
import io.tidings.auth.Caller;
import io.tidings.consent.ChannelScope;
import io.tidings.consent.ConsentBasis;
import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentSource;
import io.tidings.consent.ConsentStatement;
import io.tidings.consent.ConsentStatus;
import io.tidings.consent.Evidence;
import io.tidings.error.FieldViolation;
import io.tidings.error.InvalidInputException;
import io.tidings.persistence.DatabaseTime;
import io.tidings.preference.Channel;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a client's consent record or withdrawal into a {@link ConsentStatement}, or names every
 * field that is not acceptable. Agents record what they captured on a call: source AGENT, with the
 * ticket; their key's name stands in for a missing agent id.
 */
public final class ConsentInputs {

    /** Clocks of callers drift; a capture time this far ahead of ours is still "now". */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ConsentInputs() {
    }

    /** The statement a client asks to append. */
    public static ConsentStatement read(ConsentInput input, Caller caller, Instant now) {
        if (input == null) {
            throw new InvalidInputException("/", "a consent object is required");
        }
        List<FieldViolation> violations = new ArrayList<>();
        ConsentPurpose purpose = required(violations, "/purpose", input.getPurpose() == null ? null
                : ConsentPurpose.valueOf(input.getPurpose().name()));
        ConsentStatus status = required(violations, "/status", input.getStatus() == null ? null
                : ConsentStatus.valueOf(input.getStatus().name()));
        ConsentBasis basis = input.getBasis() == null ? ConsentBasis.EXPLICIT : ConsentBasis.valueOf(input.getBasis().name());
        ConsentSource source = source(input.getSource(), caller, violations);
        Evidence evidence = evidence(input.getEvidence(), caller, violations);
        requireChannels(input.getChannels(), violations);
        Instant capturedAt = input.getCapturedAt() == null ? now : DatabaseTime.stored(input.getCapturedAt().toInstant());
        if (capturedAt.isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(new FieldViolation("/capturedAt", "must not be in the future"));
        }
        Instant effectiveFrom = stored(input.getEffectiveFrom(), capturedAt);
        Instant effectiveTo = stored(input.getEffectiveTo(), null);
        if (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom)) {
            violations.add(new FieldViolation("/effectiveTo", "must be after effectiveFrom (" + effectiveFrom + ")"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new ConsentStatement(purpose, status, basis, scope(input.getChannels()), capturedAt, effectiveFrom,
                effectiveTo, source, evidence);
    }

    /** The REVOKED statement, effective now, that withdraws consent for a purpose. */
    public static ConsentStatement read(WithdrawalInput input, Caller caller, Instant now) {
        if (input == null) {
            throw new InvalidInputException("/", "a withdrawal object is required");
        }
        List<FieldViolation> violations = new ArrayList<>();
        ConsentPurpose purpose = required(violations, "/purpose", input.getPurpose() == null ? null
                : ConsentPurpose.valueOf(input.getPurpose().name()));
        ConsentSource source = source(input.getSource(), caller, violations);
        Evidence evidence = evidence(input.getEvidence(), caller, violations);
        requireChannels(input.getChannels(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new ConsentStatement(purpose, ConsentStatus.REVOKED, ConsentBasis.EXPLICIT, scope(input.getChannels()),
                now, now, null, source, evidence);
    }

    private static ConsentSource source(io.tidings.api.model.ConsentSource raw, Caller caller, List<FieldViolation> violations) {
        ConsentSource source = required(violations, "/source", raw == null ? null : ConsentSource.valueOf(raw.name()));
        if (caller.isAgent() && source != null && source != ConsentSource.AGENT) {
            violations.add(new FieldViolation("/source", "agents record consent captured on a call: AGENT"));
        }
        return source;
    }

    private static Evidence evidence(ConsentEvidence raw, Caller caller, List<FieldViolation> violations) {
        ConsentEvidence given = raw == null ? new ConsentEvidence() : raw;
        String ticketId = text(violations, "/evidence/ticketId", given.getTicketId(), 100);
        if (caller.isAgent() && ticketId == null) {
            violations.add(new FieldViolation("/evidence/ticketId", "agents give the ticket the consent was captured on"));
        }
        String agentId = text(violations, "/evidence/agentId", given.getAgentId(), 100);
        String ipAddress = text(violations, "/evidence/ipAddress", given.getIpAddress(), 45);
        if (ipAddress != null && !IP_ADDRESS.matcher(ipAddress).matches()) {
            violations.add(new FieldViolation("/evidence/ipAddress", "an IPv4 or IPv6 address"));
        }
        return new Evidence(
                agentId == null && caller.isAgent() ? caller.key().name() : agentId,
                ticketId,
                ipAddress,
                text(violations, "/evidence/userAgent", given.getUserAgent(), 512),
                text(violations, "/evidence/noticeVersion", given.getNoticeVersion(), 64),
                text(violations, "/evidence/note", given.getNote(), 2000));
    }

    private static void requireChannels(List<io.tidings.api.model.Channel> channels, List<FieldViolation> violations) {
        if (channels != null && channels.contains(null)) {
            violations.add(new FieldViolation("/channels/" + channels.indexOf(null), "a channel is required"));
        }
    }

    private static ChannelScope scope(List<io.tidings.api.model.Channel> channels) {
        if (channels == null || channels.isEmpty()) {
            return ChannelScope.all();
        }
        Set<Channel> named = EnumSet.noneOf(Channel.class);
        channels.forEach(channel -> named.add(Channel.valueOf(channel.name())));
        return new ChannelScope(false, named);
    }

    private static Instant stored(OffsetDateTime value, Instant otherwise) {
        return value == null ? otherwise : DatabaseTime.stored(value.toInstant());
    }

    private static String text(List<FieldViolation> violations, String field, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        if (text.length() > maxLength) {
            violations.add(new FieldViolation(field, "at most " + maxLength + " characters"));
        }
        return text;
    }

    private static <T> T required(List<FieldViolation> violations, String field, T value) {
        if (value == null) {
            violations.add(new FieldViolation(field, "is required"));
        }
        return value;
    }
}
