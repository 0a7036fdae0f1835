package io.tidings.decision;

import io.tidings.consent.CurrentConsent;
import io.tidings.preference.Category;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.Channel;
import io.tidings.preference.PreferenceSet;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A channel whose address a provider reported unreachable is left out, like a channel without consent. */
class ContactPointRuleTest {

    private static final DecisionEngine ENGINE = new DecisionEngine(CategoryPolicies.defaults());
    private static final Instant NOON = Instant.parse("2026-06-10T12:00:00Z");

    @Test
    void anUnreachableChannelIsSuppressedAndTheOthersAreNot() {
        ChannelDecisions decisions = ENGINE.decide(input(Category.SERVICE_UPDATE, Set.of(Channel.SMS, Channel.EMAIL),
                Set.of(Channel.SMS)));

        Decision sms = decision(decisions, Channel.SMS);
        assertThat(sms.outcome()).isEqualTo(Outcome.SUPPRESS);
        assertThat(sms.trail().steps()).singleElement().satisfies(step -> {
            assertThat(step.rule()).isEqualTo(Rule.CONTACT_POINT);
            assertThat(step.describe()).isEqualTo("contact-point: the customer's SMS address was reported unreachable → suppress");
        });
        assertThat(decision(decisions, Channel.EMAIL).outcome()).isEqualTo(Outcome.SEND);
    }

    @Test
    void aLegalNoticeForAnUnreachableChannelIsReroutedToAReachableOne() {
        ChannelDecisions decisions = ENGINE.decide(input(Category.LEGAL, Set.of(Channel.SMS), Set.of(Channel.SMS)));

        assertThat(decision(decisions, Channel.SMS).outcome()).isEqualTo(Outcome.SUPPRESS);
        assertThat(decisions.decisions()).anySatisfy(decision -> {
            assertThat(decision.channel()).isNotEqualTo(Channel.SMS);
            assertThat(decision.outcome()).isEqualTo(Outcome.SEND);
        });
    }

    @Test
    void reachableChannelsLeaveNoContactPointStep() {
        ChannelDecisions decisions = ENGINE.decide(input(Category.SERVICE_UPDATE, Set.of(Channel.SMS), Set.of()));

        assertThat(decision(decisions, Channel.SMS).trail().steps())
                .noneMatch(step -> step.rule() == Rule.CONTACT_POINT);
    }

    private static DecisionInput input(Category category, Set<Channel> channels, Set<Channel> unreachable) {
        return new DecisionInput(EventKind.TICKET_STATUS_CHANGED, category, "", channels, PreferenceSet.none(),
                CurrentConsent.none(), ZoneOffset.UTC, IncidentState.none(), SendHistory.empty(), NOON, unreachable);
    }

    private static Decision decision(ChannelDecisions decisions, Channel channel) {
        return decisions.decisions().stream().filter(decision -> decision.channel() == channel).findFirst().orElseThrow();
    }
}
