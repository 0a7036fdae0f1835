package io.tidings.consent;

import io.tidings.preference.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CurrentConsentTest {

    private static final UUID CUSTOMER = UUID.fromString("0b8e7d52-93a1-4c3f-8f0e-2d6b5a4c3e19");
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APR = Instant.parse("2026-04-01T00:00:00Z");

    private static ConsentStatement marketing(ConsentStatus status, ChannelScope scope, Instant from, Instant to) {
        return new ConsentStatement(ConsentPurpose.MARKETING, status, ConsentBasis.EXPLICIT, scope, from, from, to,
                ConsentSource.PREFERENCE_CENTRE, Evidence.none());
    }

    private static ConsentStatus statusAt(ConsentChain chain, Channel channel, Instant at) {
        ConsentState state = CurrentConsent.derive(chain.records(), at).stateOf(ConsentPurpose.MARKETING, channel);
        return state == null ? null : state.status();
    }

    static Stream<Arguments> ledgers() {
        ConsentChain grantedThenRevoked = ConsentChain.empty(CUSTOMER)
                .append(marketing(ConsentStatus.GRANTED, ChannelScope.all(), JAN, null))
                .append(marketing(ConsentStatus.REVOKED, ChannelScope.of(Channel.SMS), FEB, null));
        ConsentChain grantExpiring = ConsentChain.empty(CUSTOMER)
                .append(marketing(ConsentStatus.GRANTED, ChannelScope.all(), JAN, null))
                .append(marketing(ConsentStatus.GRANTED, ChannelScope.of(Channel.EMAIL), FEB, MAR));
        ConsentChain denied = ConsentChain.empty(CUSTOMER)
                .append(marketing(ConsentStatus.DENIED, ChannelScope.of(Channel.EMAIL, Channel.SMS), JAN, null));
        ConsentChain explicitlyExpired = ConsentChain.empty(CUSTOMER)
                .append(marketing(ConsentStatus.GRANTED, ChannelScope.all(), JAN, null))
                .append(marketing(ConsentStatus.EXPIRED, ChannelScope.all(), MAR, null));
        ConsentChain backdatedImport = ConsentChain.empty(CUSTOMER)
                .append(marketing(ConsentStatus.REVOKED, ChannelScope.all(), FEB, null))
                .append(new ConsentStatement(ConsentPurpose.MARKETING, ConsentStatus.GRANTED, ConsentBasis.IMPLICIT,
                        ChannelScope.all(), MAR, JAN, null, ConsentSource.IMPORT, Evidence.none()));
        ConsentChain future = ConsentChain.empty(CUSTOMER)
                .append(marketing(ConsentStatus.GRANTED, ChannelScope.all(), JAN, null))
                .append(marketing(ConsentStatus.REVOKED, ChannelScope.all(), APR, null));
        return Stream.of(
                arguments("revocation narrows a grant to SMS", grantedThenRevoked, Channel.SMS, MAR, ConsentStatus.REVOKED),
                arguments("revocation leaves other channels", grantedThenRevoked, Channel.EMAIL, MAR, ConsentStatus.GRANTED),
                arguments("before the revocation", grantedThenRevoked, Channel.SMS, JAN, ConsentStatus.GRANTED),
                arguments("inside the limited grant", grantExpiring, Channel.EMAIL, FEB, ConsentStatus.GRANTED),
                arguments("limited grant reached effectiveTo", grantExpiring, Channel.EMAIL, MAR, ConsentStatus.EXPIRED),
                arguments("expiry does not revive the older grant", grantExpiring, Channel.EMAIL, APR, ConsentStatus.EXPIRED),
                arguments("older grant still covers SMS", grantExpiring, Channel.SMS, APR, ConsentStatus.GRANTED),
                arguments("denied", denied, Channel.SMS, FEB, ConsentStatus.DENIED),
                arguments("denied scope excludes voice", denied, Channel.VOICE, FEB, null),
                arguments("explicit EXPIRED record", explicitlyExpired, Channel.PUSH, APR, ConsentStatus.EXPIRED),
                arguments("back-dated import loses to newer revocation", backdatedImport, Channel.EMAIL, APR, ConsentStatus.REVOKED),
                arguments("future record not yet effective", future, Channel.EMAIL, MAR, ConsentStatus.GRANTED),
                arguments("future record once effective", future, Channel.EMAIL, APR, ConsentStatus.REVOKED),
                arguments("nothing before the first record", denied, Channel.EMAIL, JAN.minusSeconds(1), null));
    }

    @ParameterizedTest(name = "{0}: {2} at {3} → {4}")
    @MethodSource("ledgers")
    void latestEffectiveRecordWins(String name, ConsentChain chain, Channel channel, Instant at, ConsentStatus expected) {
        assertThat(statusAt(chain, channel, at)).isEqualTo(expected);
    }

    @Test
    void stateNamesTheDecidingRecord() {
        ConsentChain chain = ConsentChain.empty(CUSTOMER)
                .append(marketing(ConsentStatus.GRANTED, ChannelScope.all(), JAN, null))
                .append(marketing(ConsentStatus.REVOKED, ChannelScope.of(Channel.SMS), FEB, null));

        CurrentConsent consent = CurrentConsent.derive(chain.records(), MAR);

        assertThat(consent.stateOf(ConsentPurpose.MARKETING, Channel.SMS))
                .isEqualTo(new ConsentState(ConsentPurpose.MARKETING, Channel.SMS, ConsentStatus.REVOKED, 2));
        assertThat(consent.stateOf(ConsentPurpose.PROFILING, Channel.SMS)).isNull();
        assertThat(consent.states()).hasSize(Channel.COUNT);
    }
}
