package io.tidings.decision;

import io.tidings.consent.ChannelScope;
import io.tidings.consent.ConsentBasis;
import io.tidings.consent.ConsentChain;
import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentSource;
import io.tidings.consent.ConsentStatement;
import io.tidings.consent.ConsentStatus;
import io.tidings.consent.CurrentConsent;
import io.tidings.consent.Evidence;
import io.tidings.preference.Category;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.CategoryPolicy;
import io.tidings.preference.Channel;
import io.tidings.preference.CollapseWindow;
import io.tidings.preference.FrequencyCap;
import io.tidings.preference.NoChannelFallback;
import io.tidings.preference.PreferenceSet;
import io.tidings.preference.QuietHours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class DecisionEngineTest {

    private static final UUID CUSTOMER = UUID.fromString("3d0f6b8a-1c2e-4f5a-9b7c-8e6d5c4b3a21");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** 14:00 in New York, a Tuesday. */
    private static final Instant AFTERNOON = Instant.parse("2026-06-09T18:00:00Z");
    /** 23:14 in New York. */
    private static final Instant LATE_EVENING = Instant.parse("2026-06-10T03:14:00Z");
    private static final Instant LEDGER_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final DecisionEngine ENGINE = new DecisionEngine(CategoryPolicies.defaults());

    /** Builds a customer's situation step by step; every test starts from "nothing on record". */
    private static final class Situation {
        ConsentChain ledger = ConsentChain.empty(CUSTOMER);
        PreferenceSet.Builder preferences = PreferenceSet.builder();
        IncidentState incident = IncidentState.none();
        List<SentMessage> sent = new ArrayList<>();
        Set<Channel> channels = EnumSet.of(Channel.EMAIL);
        EventKind kind = EventKind.TICKET_STATUS_CHANGED;
        String collapseKey = "";
        ZoneId zone = NEW_YORK;

        Situation consent(ConsentPurpose purpose, ConsentStatus status, ChannelScope scope) {
            ledger = ledger.append(new ConsentStatement(purpose, status, ConsentBasis.EXPLICIT, scope, LEDGER_START,
                    LEDGER_START.plusSeconds(ledger.records().size()), null, ConsentSource.PREFERENCE_CENTRE,
                    Evidence.none()));
            return this;
        }

        Situation marketingGrantedEverywhere() {
            consent(ConsentPurpose.MARKETING, ConsentStatus.GRANTED, ChannelScope.all());
            for (Channel channel : Channel.ALL) {
                preferences.choose(Category.PROMOTIONAL, channel, true);
            }
            return this;
        }

        Situation channels(Channel first, Channel... more) {
            channels = EnumSet.of(first, more);
            return this;
        }

        DecisionInput input(Category category, Instant now) {
            return new DecisionInput(kind, category, collapseKey, channels, preferences.build(),
                    CurrentConsent.derive(ledger.records(), now), zone, incident, new SendHistory(sent), now);
        }

        ChannelDecisions decide(Category category, Instant now) {
            return ENGINE.decide(input(category, now));
        }
    }

    static Stream<Arguments> categoryDefaultsForACustomerWithNothingOnRecord() {
        return Stream.of(
                arguments(Category.TRANSACTIONAL, Outcome.SEND),
                arguments(Category.PROMOTIONAL, Outcome.SUPPRESS),
                arguments(Category.SERVICE_UPDATE, Outcome.SEND),
                arguments(Category.LEGAL, Outcome.SEND),
                arguments(Category.SURVEY, Outcome.SUPPRESS),
                arguments(Category.SECURITY, Outcome.SEND));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("categoryDefaultsForACustomerWithNothingOnRecord")
    void everyCategoryDefault(Category category, Outcome expected) {
        Decision email = new Situation().decide(category, AFTERNOON).get(Channel.EMAIL);

        assertThat(email.outcome()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} opted in but without a marketing grant → suppressed")
    @EnumSource(value = Category.class, names = {"PROMOTIONAL", "SURVEY"})
    void optInCategoriesNeedAGrantEvenWhenThePreferenceIsOn(Category category) {
        Situation situation = new Situation();
        situation.preferences.choose(category, Channel.EMAIL, true);

        Decision email = situation.decide(category, AFTERNOON).get(Channel.EMAIL);

        assertThat(email.outcome()).isEqualTo(Outcome.SUPPRESS);
        assertThat(email.trail().rules()).startsWith(Rule.CONSENT);
        assertThat(email.trail().steps().getFirst().describe()).contains("a grant is required");

        situation.consent(ConsentPurpose.MARKETING, ConsentStatus.GRANTED, ChannelScope.all());
        assertThat(situation.decide(category, AFTERNOON).get(Channel.EMAIL).outcome()).isEqualTo(Outcome.SEND);
    }

    @ParameterizedTest(name = "marketing {0} on SMS → SMS suppressed, EMAIL still sent")
    @EnumSource(value = ConsentStatus.class, names = {"DENIED", "REVOKED", "EXPIRED"})
    void revokedDeniedAndExpiredConsentSuppressOnlyTheirChannel(ConsentStatus status) {
        Situation situation = new Situation().marketingGrantedEverywhere().channels(Channel.EMAIL, Channel.SMS);
        situation.consent(ConsentPurpose.MARKETING, status, ChannelScope.of(Channel.SMS));

        ChannelDecisions decisions = situation.decide(Category.PROMOTIONAL, AFTERNOON);

        assertThat(decisions.get(Channel.SMS).outcome()).isEqualTo(Outcome.SUPPRESS);
        assertThat(decisions.get(Channel.SMS).reason()).isEqualTo("consent: marketing on SMS " + status + " (ledger #2) → suppress");
        assertThat(decisions.get(Channel.EMAIL).outcome()).isEqualTo(Outcome.SEND);
    }

    @Test
    void consentThatReachedItsEffectiveToCountsAsExpired() {
        Situation situation = new Situation().channels(Channel.SMS);
        situation.ledger = situation.ledger.append(new ConsentStatement(ConsentPurpose.SERVICE_COMMUNICATIONS,
                ConsentStatus.GRANTED, ConsentBasis.EXPLICIT, ChannelScope.all(), LEDGER_START, LEDGER_START,
                AFTERNOON, ConsentSource.IVR, Evidence.none()));
        situation.channels(Channel.SMS, Channel.EMAIL);

        ChannelDecisions decisions = situation.decide(Category.TRANSACTIONAL, AFTERNOON);

        assertThat(decisions.get(Channel.SMS).trail().describe()).contains("service-communications on SMS EXPIRED");
        assertThat(decisions.channelsWith(Outcome.ESCALATE)).containsExactly(Channel.EMAIL, Channel.SMS);
    }

    @Test
    void legalNoticeIsReroutedWhenItsChannelIsRevoked() {
        Situation situation = new Situation().channels(Channel.EMAIL);
        situation.consent(ConsentPurpose.LEGAL, ConsentStatus.REVOKED, ChannelScope.of(Channel.EMAIL));

        ChannelDecisions decisions = situation.decide(Category.LEGAL, AFTERNOON);

        assertThat(decisions.get(Channel.EMAIL).outcome()).isEqualTo(Outcome.SUPPRESS);
        assertThat(decisions.get(Channel.EMAIL).reason()).isEqualTo("legal-reroute: legal notice rerouted from EMAIL to SMS");
        assertThat(decisions.get(Channel.SMS).outcome()).isEqualTo(Outcome.SEND);
        assertThat(decisions.get(Channel.SMS).trail().rules()).startsWith(Rule.LEGAL_REROUTE, Rule.CONSENT, Rule.PREFERENCE);
    }

    @Test
    void legalNoticeIsReroutedWhenItsChannelIsSwitchedOff() {
        Situation situation = new Situation().channels(Channel.SMS);
        situation.preferences.choose(Category.LEGAL, Channel.SMS, false);

        ChannelDecisions decisions = situation.decide(Category.LEGAL, AFTERNOON);

        assertThat(decisions.channelsWith(Outcome.SEND)).containsExactly(Channel.EMAIL);
    }

    @Test
    void legalNoticeWithNoPossibleChannelEscalatesInsteadOfBeingDropped() {
        Situation situation = new Situation().channels(Channel.EMAIL, Channel.SMS);
        situation.consent(ConsentPurpose.LEGAL, ConsentStatus.REVOKED, ChannelScope.all());

        ChannelDecisions decisions = situation.decide(Category.LEGAL, AFTERNOON);

        assertThat(decisions.decisions()).extracting(Decision::outcome).containsOnly(Outcome.ESCALATE);
        assertThat(decisions.get(Channel.EMAIL).reason()).contains("must-send → escalate to an agent");
    }

    @Test
    void legalNoticeInQuietHoursIsDeferredNotRerouted() {
        Situation situation = new Situation().channels(Channel.SMS);
        situation.preferences.quietHours(Channel.SMS, QuietHours.of("22:00", "07:00"));

        ChannelDecisions decisions = situation.decide(Category.LEGAL, LATE_EVENING);

        assertThat(decisions.decisions()).hasSize(1);
        assertThat(decisions.get(Channel.SMS).outcome()).isEqualTo(Outcome.DEFER);
    }

    @Test
    void quietHoursDeferToTheWindowEndWithAReadableReason() {
        Situation situation = new Situation().channels(Channel.SMS);
        situation.preferences.quietHours(Channel.SMS, QuietHours.of("22:00", "07:00"));

        Decision sms = situation.decide(Category.TRANSACTIONAL, LATE_EVENING).get(Channel.SMS);

        assertThat(sms.outcome()).isEqualTo(Outcome.DEFER);
        assertThat(sms.deferUntil()).isEqualTo(Instant.parse("2026-06-10T11:00:00Z"));
        assertThat(sms.reason()).isEqualTo("quiet-hours: SMS quiet 22:00–07:00 America/New_York, at 23:14 local"
                + " → defer to 07:00 local (2026-06-10T11:00:00Z)");
    }

    @Test
    void securityAlertCrossesQuietHoursButNeverARevokedChannel() {
        Situation situation = new Situation().channels(Channel.SMS, Channel.EMAIL);
        situation.preferences.quietHours(Channel.SMS, QuietHours.of("22:00", "07:00"))
                .quietHours(Channel.EMAIL, QuietHours.of("22:00", "07:00"));

        ChannelDecisions crossing = situation.decide(Category.SECURITY, LATE_EVENING);

        assertThat(crossing.channelsWith(Outcome.SEND)).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(crossing.get(Channel.SMS).trail().describe()).contains("crossed, the category is critical");

        situation.consent(ConsentPurpose.SERVICE_COMMUNICATIONS, ConsentStatus.REVOKED, ChannelScope.of(Channel.SMS));
        ChannelDecisions revoked = situation.decide(Category.SECURITY, LATE_EVENING);

        assertThat(revoked.get(Channel.SMS).outcome()).isEqualTo(Outcome.SUPPRESS);
        assertThat(revoked.get(Channel.EMAIL).outcome()).isEqualTo(Outcome.SEND);
    }

    @Test
    void transactionalMessageDuringQuietHoursIsDeferredNotCrossed() {
        Situation situation = new Situation().channels(Channel.EMAIL);
        situation.preferences.quietHours(Channel.EMAIL, QuietHours.of("22:00", "07:00"));

        assertThat(situation.decide(Category.TRANSACTIONAL, LATE_EVENING).get(Channel.EMAIL).outcome())
                .isEqualTo(Outcome.DEFER);
    }

    static Stream<Arguments> tcpaFloor() {
        return Stream.of(
                // zone, local time as UTC instant, channel, expected outcome, expected defer
                arguments("America/New_York", "2026-06-10T01:30:00Z", Channel.SMS, Outcome.DEFER, "2026-06-10T12:00:00Z"), // 21:30
                arguments("America/New_York", "2026-06-10T00:59:59Z", Channel.SMS, Outcome.SEND, null),                    // 20:59:59
                arguments("America/New_York", "2026-06-10T01:00:00Z", Channel.VOICE, Outcome.DEFER, "2026-06-10T12:00:00Z"), // 21:00
                arguments("America/New_York", "2026-06-10T11:59:59Z", Channel.VOICE, Outcome.DEFER, "2026-06-10T12:00:00Z"), // 07:59:59
                arguments("America/New_York", "2026-06-10T12:00:00Z", Channel.SMS, Outcome.SEND, null),                    // 08:00
                arguments("America/New_York", "2026-06-10T01:30:00Z", Channel.EMAIL, Outcome.SEND, null),                  // email not governed
                arguments("America/Los_Angeles", "2026-06-10T04:30:00Z", Channel.SMS, Outcome.DEFER, "2026-06-10T15:00:00Z"), // 21:30 PDT
                arguments("Asia/Kolkata", "2026-06-10T16:00:00Z", Channel.SMS, Outcome.DEFER, "2026-06-11T02:30:00Z"));   // 21:30 IST
    }

    @ParameterizedTest(name = "{0} at {1} promotional {2} → {3} {4}")
    @MethodSource("tcpaFloor")
    void promotionalSmsAndVoiceOnlyBetweenEightAndNineLocal(String zone, String at, Channel channel, Outcome outcome,
                                                           String deferUntil) {
        Situation situation = new Situation().marketingGrantedEverywhere().channels(channel);
        situation.zone = ZoneId.of(zone);

        Decision decision = situation.decide(Category.PROMOTIONAL, Instant.parse(at)).get(channel);

        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.deferUntil()).isEqualTo(deferUntil == null ? null : Instant.parse(deferUntil));
    }

    @Test
    void noConfigurationLoosensTheTcpaFloor() {
        DecisionEngine permissive = new DecisionEngine(CategoryPolicies.defaults()
                .with(Category.PROMOTIONAL, new CategoryPolicy(false, false, true, NoChannelFallback.ESCALATE)));
        Situation situation = new Situation().marketingGrantedEverywhere().channels(Channel.SMS);

        Decision sms = permissive.decide(situation.input(Category.PROMOTIONAL, LATE_EVENING)).get(Channel.SMS);

        assertThat(sms.outcome()).isEqualTo(Outcome.DEFER);
        assertThat(sms.trail().rules()).contains(Rule.TCPA_FLOOR);
    }

    @Test
    void tcpaFloorAndQuietHoursTogetherDeferToTheLaterEnd() {
        Situation situation = new Situation().marketingGrantedEverywhere().channels(Channel.SMS);
        situation.preferences.quietHours(Channel.SMS, QuietHours.of("22:00", "09:30"));

        Decision sms = situation.decide(Category.PROMOTIONAL, LATE_EVENING).get(Channel.SMS);

        assertThat(sms.deferUntil()).isEqualTo(Instant.parse("2026-06-10T13:30:00Z"));
        assertThat(sms.trail().rules()).containsSubsequence(Rule.TCPA_FLOOR, Rule.QUIET_HOURS);
    }

    @Test
    void quietHoursCoveringAllCallingHoursLeaveNoWindow() {
        Situation situation = new Situation().marketingGrantedEverywhere().channels(Channel.SMS);
        situation.preferences.quietHours(Channel.SMS, QuietHours.of("07:00", "22:00"));

        Decision sms = situation.decide(Category.PROMOTIONAL, AFTERNOON).get(Channel.SMS);

        assertThat(sms.outcome()).isEqualTo(Outcome.SUPPRESS);
        assertThat(sms.trail().describe()).contains("no allowed sending time");
        assertThat(sms.trail().rules()).endsWith(Rule.QUIET_HOURS, Rule.NO_CHANNEL_FALLBACK);
    }

    static Stream<Arguments> capBoundaries() {
        Duration week = Duration.ofDays(7);
        return Stream.of(
                arguments("two inside, one exactly a period ago", List.of(week, Duration.ofDays(6), Duration.ofDays(1)), Outcome.SEND),
                arguments("three inside, oldest one second inside", List.of(week.minusSeconds(1), Duration.ofDays(6), Duration.ofDays(1)), Outcome.SUPPRESS),
                arguments("two inside", List.of(Duration.ofDays(6), Duration.ofDays(1)), Outcome.SEND),
                arguments("one sent this very instant", List.of(Duration.ZERO, Duration.ofDays(1), Duration.ofDays(2)), Outcome.SUPPRESS));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("capBoundaries")
    void frequencyCapAtTheBoundary(String name, List<Duration> sentAgo, Outcome expected) {
        Situation situation = new Situation().marketingGrantedEverywhere();
        situation.preferences.cap(new FrequencyCap(Category.PROMOTIONAL, 3, Duration.ofDays(7)));
        for (int i = 0; i < sentAgo.size(); i++) {
            situation.sent.add(new SentMessage("promo-" + i, Category.PROMOTIONAL, EventKind.PLAN_CHANGE, "",
                    AFTERNOON.minus(sentAgo.get(i))));
        }
        situation.sent.add(new SentMessage("tx-1", Category.TRANSACTIONAL, EventKind.PLAN_CHANGE, "", AFTERNOON));

        Decision email = situation.decide(Category.PROMOTIONAL, AFTERNOON).get(Channel.EMAIL);

        assertThat(email.outcome()).isEqualTo(expected);
        assertThat(email.trail().rules()).endsWith(Rule.FREQUENCY_CAP);
    }

    static Stream<Arguments> collapseWindow() {
        return Stream.of(
                arguments("same ticket 9:59 ago", "ticket:42", Duration.ofSeconds(599), EventKind.COMMENT_ADDED, Outcome.SUPPRESS),
                arguments("same ticket exactly 10 min ago", "ticket:42", Duration.ofMinutes(10), EventKind.COMMENT_ADDED, Outcome.SEND),
                arguments("another ticket", "ticket:43", Duration.ofMinutes(1), EventKind.COMMENT_ADDED, Outcome.SEND),
                arguments("another kind", "ticket:42", Duration.ofMinutes(1), EventKind.TICKET_STATUS_CHANGED, Outcome.SEND));
    }

    @ParameterizedTest(name = "{0} → {4}")
    @MethodSource("collapseWindow")
    void burstsOfTheSameKindCollapse(String name, String previousKey, Duration ago, EventKind previousKind,
                                     Outcome expected) {
        Situation situation = new Situation();
        situation.kind = EventKind.COMMENT_ADDED;
        situation.collapseKey = "ticket:42";
        situation.preferences.collapseWindow(new CollapseWindow(Category.TRANSACTIONAL, Duration.ofMinutes(10)));
        situation.sent.add(new SentMessage("msg-17", Category.TRANSACTIONAL, previousKind, previousKey, AFTERNOON.minus(ago)));

        Decision email = situation.decide(Category.TRANSACTIONAL, AFTERNOON).get(Channel.EMAIL);

        assertThat(email.outcome()).isEqualTo(expected);
        if (expected == Outcome.SUPPRESS) {
            assertThat(email.reason()).contains("collapsed into msg-17");
            assertThat(email.trail().rules()).endsWith(Rule.COLLAPSE);
        }
    }

    @Test
    void capsAndCollapseDoNotApplyToLegalNotices() {
        Situation situation = new Situation();
        situation.preferences.cap(new FrequencyCap(Category.LEGAL, 1, Duration.ofDays(30)));
        situation.sent.add(new SentMessage("legal-1", Category.LEGAL, EventKind.PLAN_CHANGE, "", AFTERNOON.minusSeconds(60)));

        Decision email = situation.decide(Category.LEGAL, AFTERNOON).get(Channel.EMAIL);

        assertThat(email.outcome()).isEqualTo(Outcome.SEND);
        assertThat(email.reason()).isEqualTo("every rule allowed it");
        assertThat(email.trail().steps().getLast()).isInstanceOf(TrailStep.VolumeLimitsWaived.class);
    }

    @Test
    void activeIncidentHoldsBackPromotionsButNotServiceMessages() {
        Situation situation = new Situation().marketingGrantedEverywhere();
        situation.incident = IncidentState.active("EU payments outage");

        assertThat(situation.decide(Category.PROMOTIONAL, AFTERNOON).get(Channel.EMAIL).reason())
                .isEqualTo("incident: 'EU payments outage' active → PROMOTIONAL held back → suppress");
        assertThat(situation.decide(Category.SERVICE_UPDATE, AFTERNOON).get(Channel.EMAIL).outcome())
                .isEqualTo(Outcome.SEND);
    }

    @Test
    void transactionalWithEveryRequestedChannelOffEscalates() {
        Situation situation = new Situation().channels(Channel.EMAIL, Channel.SMS);
        situation.preferences.choose(Category.TRANSACTIONAL, Channel.EMAIL, false)
                .choose(Category.TRANSACTIONAL, Channel.SMS, false);

        ChannelDecisions decisions = situation.decide(Category.TRANSACTIONAL, AFTERNOON);

        assertThat(decisions.channelsWith(Outcome.ESCALATE)).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(decisions.get(Channel.SMS).trail().rules())
                .containsExactly(Rule.CONSENT, Rule.PREFERENCE, Rule.NO_CHANNEL_FALLBACK);
    }

    @Test
    void serviceUpdateWithEveryRequestedChannelOffOffersAPreferenceUpdate() {
        Situation situation = new Situation().channels(Channel.SMS);
        situation.preferences.choose(Category.SERVICE_UPDATE, Channel.SMS, false)
                .choose(Category.TRANSACTIONAL, Channel.EMAIL, false);

        ChannelDecisions decisions = situation.decide(Category.SERVICE_UPDATE, AFTERNOON);

        assertThat(decisions.get(Channel.SMS).outcome()).isEqualTo(Outcome.OFFER_UPDATE);
        assertThat(decisions.get(Channel.SMS).reason()).contains("offer a preference-update link on SMS");
        assertThat(decisions.decisions()).hasSize(1);
    }

    @Test
    void serviceUpdateOfferGoesToAnotherChannelWhenOnlyThatAllowsServiceMessages() {
        Situation situation = new Situation().channels(Channel.SMS);
        situation.preferences.choose(Category.SERVICE_UPDATE, Channel.SMS, false)
                .choose(Category.TRANSACTIONAL, Channel.SMS, false);

        ChannelDecisions decisions = situation.decide(Category.SERVICE_UPDATE, AFTERNOON);

        assertThat(decisions.get(Channel.SMS).outcome()).isEqualTo(Outcome.SUPPRESS);
        assertThat(decisions.get(Channel.EMAIL).outcome()).isEqualTo(Outcome.OFFER_UPDATE);
    }

    @Test
    void promotionalWithNoChannelStaysSuppressedUnderItsDeferPolicy() {
        Decision email = new Situation().decide(Category.PROMOTIONAL, AFTERNOON).get(Channel.EMAIL);

        assertThat(email.outcome()).isEqualTo(Outcome.SUPPRESS);
        assertThat(email.trail().rules()).containsExactly(Rule.CONSENT, Rule.NO_CHANNEL_FALLBACK);
    }

    @Test
    void rulesRunInTheDocumentedOrder() {
        Situation situation = new Situation().marketingGrantedEverywhere().channels(Channel.SMS);
        situation.incident = IncidentState.active("partial outage");
        situation.preferences.quietHours(Channel.SMS, QuietHours.of("22:00", "07:00"))
                .cap(new FrequencyCap(Category.SERVICE_UPDATE, 5, Duration.ofDays(1)))
                .collapseWindow(new CollapseWindow(Category.SERVICE_UPDATE, Duration.ofMinutes(10)));

        Decision sms = situation.decide(Category.SERVICE_UPDATE, AFTERNOON).get(Channel.SMS);

        assertThat(sms.outcome()).isEqualTo(Outcome.SEND);
        assertThat(sms.trail().rules()).containsExactly(Rule.CONSENT, Rule.PREFERENCE, Rule.INCIDENT,
                Rule.QUIET_HOURS, Rule.COLLAPSE, Rule.FREQUENCY_CAP);
    }

    @Test
    void sameInputGivesEqualOutput() {
        Situation situation = new Situation().marketingGrantedEverywhere().channels(Channel.EMAIL, Channel.SMS, Channel.VOICE);
        situation.preferences.quietHours(Channel.SMS, QuietHours.of("22:00", "07:00"))
                .cap(new FrequencyCap(Category.PROMOTIONAL, 3, Duration.ofDays(7)));
        situation.sent.add(new SentMessage("promo-1", Category.PROMOTIONAL, EventKind.PLAN_CHANGE, "", AFTERNOON.minusSeconds(99)));
        DecisionInput input = situation.input(Category.PROMOTIONAL, LATE_EVENING);

        ChannelDecisions first = ENGINE.decide(input);
        ChannelDecisions second = new DecisionEngine(CategoryPolicies.defaults()).decide(input);

        assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
        assertThat(second.toString()).isEqualTo(first.toString());
        assertThat(first.decisions()).extracting(Decision::outcome)
                .containsExactly(Outcome.SEND, Outcome.DEFER, Outcome.DEFER);
    }
}
