package io.tidings.notification;

import io.tidings.api.model.ChannelDecision;
import io.tidings.api.model.DecisionExplanation;
import io.tidings.api.model.TrailStepView;
import io.tidings.decision.Decision;
import io.tidings.preference.PreferencesJson;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Decisions, their trails and notification-log entries as the REST API shows them. */
public final class NotificationJson {

    private NotificationJson() {
    }

    /** The API view of an explanation. */
    static DecisionExplanation toApi(Explanation explanation) {
        return new DecisionExplanation()
                .customerId(explanation.request().customerId())
                .at(utc(explanation.request().at()))
                .timeZone(explanation.zone().getId())
                .decisions(explanation.decisions().decisions().stream().map(NotificationJson::toApi).toList());
    }

    /** The API view of a log entry. */
    public static io.tidings.api.model.NotificationLogEntry toApi(NotificationLogEntry entry) {
        return new io.tidings.api.model.NotificationLogEntry()
                .id(entry.id())
                .messageId(entry.messageId())
                .eventKind(io.tidings.api.model.EventKind.valueOf(entry.kind().name()))
                .category(PreferencesJson.api(entry.category()))
                .collapseKey(entry.collapseKey().isEmpty() ? null : entry.collapseKey())
                .channel(PreferencesJson.api(entry.channel()))
                .outcome(io.tidings.api.model.Outcome.valueOf(entry.outcome().name()))
                .deferUntil(utc(entry.deferUntil()))
                .reason(entry.reason())
                .trail(trail(entry.trail()))
                .decidedAt(utc(entry.decidedAt()))
                .deliveryStatus(entry.delivery() == null ? null
                        : io.tidings.api.model.DeliveryStatus.valueOf(entry.delivery().name()));
    }

    private static ChannelDecision toApi(Decision decision) {
        return new ChannelDecision()
                .channel(PreferencesJson.api(decision.channel()))
                .outcome(io.tidings.api.model.Outcome.valueOf(decision.outcome().name()))
                .deferUntil(utc(decision.deferUntil()))
                .reason(decision.reason())
                .trail(trail(decision.trail().steps().stream().map(LoggedStep::of).toList()));
    }

    private static List<TrailStepView> trail(List<LoggedStep> steps) {
        return steps.stream().map(step -> new TrailStepView()
                .rule(step.rule())
                .verdict(TrailStepView.VerdictEnum.valueOf(step.verdict()))
                .description(step.description())).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
