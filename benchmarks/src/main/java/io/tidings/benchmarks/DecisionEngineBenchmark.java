package io.tidings.benchmarks;

import io.tidings.consent.ChannelScope;
import io.tidings.consent.ConsentBasis;
import io.tidings.consent.ConsentChain;
import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentSource;
import io.tidings.consent.ConsentStatement;
import io.tidings.consent.ConsentStatus;
import io.tidings.consent.CurrentConsent;
import io.tidings.consent.Evidence;
import io.tidings.decision.ChannelDecisions;
import io.tidings.decision.DecisionEngine;
import io.tidings.decision.DecisionInput;
import io.tidings.decision.EventKind;
import io.tidings.decision.IncidentState;
import io.tidings.decision.SendHistory;
import io.tidings.decision.SentMessage;
import io.tidings.preference.Category;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.Channel;
import io.tidings.preference.CollapseWindow;
import io.tidings.preference.FrequencyCap;
import io.tidings.preference.PreferenceSet;
import io.tidings.preference.QuietHours;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of one decision (all six channels) for a customer with every category × channel
 * preference set, quiet hours on every channel, caps and collapse windows, a consent ledger and a
 * realistic week of send history. Cycles through a mix of categories and times of day so the
 * send, defer, suppress and quiet-hours paths all run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecisionEngineBenchmark {

    private static final UUID CUSTOMER = UUID.fromString("9a7e5c3b-1d2f-4a6b-8c0e-2f4d6b8a0c1e");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    private final DecisionEngine engine = new DecisionEngine(CategoryPolicies.defaults());
    private DecisionInput[] inputs;
    private int next;

    @Setup
    public void setUp() {
        PreferenceSet.Builder preferences = PreferenceSet.builder();
        for (Category category : Category.ALL) {
            for (Channel channel : Channel.ALL) {
                preferences.choose(category, channel, (category.ordinal() + channel.ordinal()) % 5 != 0);
            }
        }
        for (Channel channel : Channel.ALL) {
            preferences.quietHours(channel, QuietHours.of("22:00", "07:00"));
        }
        preferences.cap(new FrequencyCap(Category.PROMOTIONAL, 3, Duration.ofDays(7)))
                .cap(new FrequencyCap(Category.SURVEY, 1, Duration.ofDays(30)))
                .cap(new FrequencyCap(Category.SERVICE_UPDATE, 10, Duration.ofDays(1)))
                .collapseWindow(new CollapseWindow(Category.TRANSACTIONAL, Duration.ofMinutes(10)))
                .collapseWindow(new CollapseWindow(Category.SERVICE_UPDATE, Duration.ofMinutes(30)));

        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        ConsentChain ledger = ConsentChain.empty(CUSTOMER)
                .append(statement(ConsentPurpose.SERVICE_COMMUNICATIONS, ConsentStatus.GRANTED, ChannelScope.all(), start))
                .append(statement(ConsentPurpose.MARKETING, ConsentStatus.GRANTED, ChannelScope.all(), start.plusSeconds(60)))
                .append(statement(ConsentPurpose.MARKETING, ConsentStatus.REVOKED, ChannelScope.of(Channel.VOICE),
                        start.plusSeconds(120)))
                .append(statement(ConsentPurpose.LEGAL, ConsentStatus.GRANTED, ChannelScope.of(Channel.EMAIL, Channel.IN_APP),
                        start.plusSeconds(180)));

        Instant[] nows = {
                Instant.parse("2026-06-09T18:00:00Z"), // 14:00 local
                Instant.parse("2026-06-10T03:14:00Z"), // 23:14 local, quiet
                Instant.parse("2026-06-10T01:30:00Z"), // 21:30 local, TCPA
        };
        EventKind[] kinds = {EventKind.COMMENT_ADDED, EventKind.PLAN_CHANGE, EventKind.SECURITY_CHANGE};
        List<DecisionInput> all = new ArrayList<>();
        for (Instant now : nows) {
            CurrentConsent consent = CurrentConsent.derive(ledger.records(), now);
            SendHistory history = history(now);
            for (Category category : Category.ALL) {
                EventKind kind = kinds[all.size() % kinds.length];
                all.add(new DecisionInput(kind, category, "ticket:4711", DecisionInput.allChannels(),
                        preferences.build(), consent, ZONE, IncidentState.none(), history, now));
            }
        }
        inputs = all.toArray(DecisionInput[]::new);
    }

    private static ConsentStatement statement(ConsentPurpose purpose, ConsentStatus status, ChannelScope scope,
                                              Instant at) {
        return new ConsentStatement(purpose, status, ConsentBasis.EXPLICIT, scope, at, at, null,
                ConsentSource.PREFERENCE_CENTRE, Evidence.none());
    }

    private static SendHistory history(Instant now) {
        List<SentMessage> sent = new ArrayList<>();
        sent.add(new SentMessage("m1", Category.PROMOTIONAL, EventKind.PLAN_CHANGE, "", now.minus(Duration.ofDays(6))));
        sent.add(new SentMessage("m2", Category.PROMOTIONAL, EventKind.PLAN_CHANGE, "", now.minus(Duration.ofDays(2))));
        sent.add(new SentMessage("m3", Category.TRANSACTIONAL, EventKind.COMMENT_ADDED, "ticket:4711", now.minusSeconds(300)));
        sent.add(new SentMessage("m4", Category.TRANSACTIONAL, EventKind.TICKET_STATUS_CHANGED, "ticket:4700",
                now.minus(Duration.ofDays(1))));
        sent.add(new SentMessage("m5", Category.SERVICE_UPDATE, EventKind.INCIDENT_UPDATE, "", now.minus(Duration.ofHours(5))));
        sent.add(new SentMessage("m6", Category.SURVEY, EventKind.TICKET_STATUS_CHANGED, "ticket:4600",
                now.minus(Duration.ofDays(40))));
        sent.add(new SentMessage("m7", Category.SECURITY, EventKind.SECURITY_CHANGE, "", now.minus(Duration.ofDays(3))));
        sent.add(new SentMessage("m8", Category.LEGAL, EventKind.SETTINGS_CHANGE, "", now.minus(Duration.ofDays(20))));
        return new SendHistory(sent);
    }

    /** One decision over all six channels. */
    @Benchmark
    public ChannelDecisions decide() {
        DecisionInput input = inputs[next];
        next = next + 1 == inputs.length ? 0 : next + 1;
        return engine.decide(input);
    }
}
