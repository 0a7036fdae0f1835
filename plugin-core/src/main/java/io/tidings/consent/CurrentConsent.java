package io.tidings.consent;

import io.tidings.preference.Channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A customer's effective consent per purpose and channel at one instant, derived from the ledger.
 *
 * <p>For each purpose and channel, among the records whose scope covers the channel and whose
 * effectiveFrom is not after the instant, the one that took effect last wins (ties: the later
 * ledger entry). So a back-dated import does not override a newer decision, and a later record
 * always supersedes an earlier one, even an open-ended grant. If the winner's effectiveTo has
 * passed, or it says EXPIRED, the effective status is EXPIRED: an expired grant does not fall
 * back to an older one. Derive it for the instant of the decision.
 */
public final class CurrentConsent {

    private static final int PURPOSES = ConsentPurpose.values().length;
    private static final CurrentConsent NONE = new CurrentConsent(Instant.EPOCH, new ConsentState[PURPOSES * Channel.COUNT]);

    private final Instant asOf;
    private final ConsentState[] states;

    private CurrentConsent(Instant asOf, ConsentState[] states) {
        this.asOf = asOf;
        this.states = states;
    }

    /** Consent of a customer whose ledger is empty. */
    public static CurrentConsent none() {
        return NONE;
    }

    /** The effective consent at {@code asOf} from a customer's ledger records (any order). */
    public static CurrentConsent derive(List<ConsentRecord> records, Instant asOf) {
        Objects.requireNonNull(records, "records must not be null");
        Objects.requireNonNull(asOf, "asOf must not be null");
        ConsentRecord[] winners = new ConsentRecord[PURPOSES * Channel.COUNT];
        for (ConsentRecord record : records) {
            ConsentStatement statement = record.statement();
            if (statement.effectiveFrom().isAfter(asOf)) {
                continue;
            }
            for (Channel channel : Channel.ALL) {
                if (statement.scope().covers(channel)) {
                    int index = index(statement.purpose(), channel);
                    if (winners[index] == null || takesEffectLater(record, winners[index])) {
                        winners[index] = record;
                    }
                }
            }
        }
        ConsentState[] states = new ConsentState[winners.length];
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            for (Channel channel : Channel.ALL) {
                ConsentRecord winner = winners[index(purpose, channel)];
                if (winner != null) {
                    ConsentStatus status = winner.statement().inForceAt(asOf)
                            ? winner.statement().status() : ConsentStatus.EXPIRED;
                    states[index(purpose, channel)] = new ConsentState(purpose, channel, status, winner.sequence());
                }
            }
        }
        return new CurrentConsent(asOf, states);
    }

    private static boolean takesEffectLater(ConsentRecord candidate, ConsentRecord current) {
        int byEffect = candidate.statement().effectiveFrom().compareTo(current.statement().effectiveFrom());
        return byEffect > 0 || (byEffect == 0 && candidate.sequence() > current.sequence());
    }

    private static int index(ConsentPurpose purpose, Channel channel) {
        return purpose.ordinal() * Channel.COUNT + channel.ordinal();
    }

    /** The instant this consent was derived for. */
    public Instant asOf() {
        return asOf;
    }

    /** The effective consent for the purpose on the channel, or null when the ledger says nothing about it. */
    public ConsentState stateOf(ConsentPurpose purpose, Channel channel) {
        return states[index(purpose, channel)];
    }

    /** Every effective state, purpose by purpose, channel by channel. */
    public List<ConsentState> states() {
        List<ConsentState> present = new ArrayList<>();
        for (ConsentState state : states) {
            if (state != null) {
                present.add(state);
            }
        }
        return List.copyOf(present);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentConsent that && asOf.equals(that.asOf) && Arrays.equals(states, that.states);
    }

    @Override
    public int hashCode() {
        return 31 * asOf.hashCode() + Arrays.hashCode(states);
    }

    @Override
    public String toString() {
        return "CurrentConsent[asOf=" + asOf + ", states=" + states() + "]";
    }
}
