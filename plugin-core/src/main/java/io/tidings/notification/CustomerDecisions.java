package io.tidings.notification;

import io.tidings.consent.CurrentConsent;
import io.tidings.customer.Customer;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.customer.UnreachableContactPoints;
import io.tidings.decision.Decision;
import io.tidings.decision.DecisionEngine;
import io.tidings.decision.DecisionInput;
import io.tidings.decision.SendHistory;
import io.tidings.incident.ActiveIncidents;
import io.tidings.ledger.ConsentLedgerStore;
import io.tidings.persistence.DatabaseTime;
import io.tidings.persistence.UuidV7;
import io.tidings.preference.Category;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.CollapseWindow;
import io.tidings.preference.FrequencyCap;
import io.tidings.preference.PreferenceSet;
import io.tidings.preference.PreferenceStore;
import io.tidings.preference.StoredPreferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Decides messages for stored customers: loads their preferences, current consent and send
 * history, matches them against the active incidents held in memory, and runs the
 * {@link DecisionEngine}. {@link #explain} changes nothing; {@link #decide} also writes the
 * decision to the notification log.
 */
@ApplicationScoped
public class CustomerDecisions {

    private final CustomerStore customers;
    private final PreferenceStore preferences;
    private final ConsentLedgerStore ledger;
    private final NotificationLog log;
    private final UnreachableContactPoints contactPoints;
    private final ActiveIncidents incidents;
    private final Clock clock;
    private final DecisionEngine engine;

    @Inject
    public CustomerDecisions(CustomerStore customers, PreferenceStore preferences, ConsentLedgerStore ledger,
                             NotificationLog log, UnreachableContactPoints contactPoints, ActiveIncidents incidents,
                             CategoryPolicies policies, Clock clock) {
        this.engine = new DecisionEngine(policies);
        this.customers = customers;
        this.preferences = preferences;
        this.ledger = ledger;
        this.log = log;
        this.contactPoints = contactPoints;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** What would be decided for the message, and why; nothing is written. */
    public Explanation explain(MessageRequest request) {
        return explain(request, null);
    }

    /**
     * What would be decided now for a message already decided once (a deferred send waking, a send
     * falling back to another channel); the message's own sends do not count against it.
     */
    public Explanation explainAgain(UUID messageId, MessageRequest request) {
        return explain(request, Objects.requireNonNull(messageId, "messageId"));
    }

    private Explanation explain(MessageRequest request, UUID decidedMessage) {
        Customer customer = customers.find(request.customerId()).orElseThrow(() -> Customers.notFound(request.customerId()));
        ZoneId zone = customer.profile().timeZone() == null ? ZoneOffset.UTC : customer.profile().timeZone();
        PreferenceSet set = preferences.find(customer.id()).map(StoredPreferences::preferences).orElse(PreferenceSet.none());
        CurrentConsent consent = CurrentConsent.derive(ledger.records(customer.id()), request.at());
        DecisionInput input = new DecisionInput(request.kind(), request.category(), request.collapseKey(),
                request.channels(), set, consent, zone,
                incidents.stateFor(customer.profile(), request.at()),
                history(customer.id(), set, request.at(), decidedMessage), request.at(),
                contactPoints.unreachable(customer));
        return new Explanation(request, zone, engine.decide(input));
    }

    /** Decides the message and writes one notification-log entry per channel; returns them. */
    public List<NotificationLogEntry> decide(MessageRequest request) {
        return customers.inTransaction(handle -> decide(handle, request));
    }

    /** Decides the message and writes its notification-log entries in the caller's transaction; returns them. */
    public List<NotificationLogEntry> decide(Handle handle, MessageRequest request) {
        return record(handle, UuidV7.next(clock), request, explain(request).decisions().decisions(), List.of());
    }

    /**
     * Writes decisions about the message in the caller's transaction, one entry per decision, each
     * trail led by {@code leading} (what made it decide again); returns the entries.
     */
    public List<NotificationLogEntry> record(Handle handle, UUID messageId, MessageRequest request,
                                             List<Decision> decisions, List<LoggedStep> leading) {
        Instant decidedAt = DatabaseTime.stored(request.at());
        List<NotificationLogEntry> entries = new ArrayList<>();
        for (Decision decision : decisions) {
            List<LoggedStep> trail = new ArrayList<>(leading);
            decision.trail().steps().forEach(step -> trail.add(LoggedStep.of(step)));
            entries.add(new NotificationLogEntry(UuidV7.next(clock), messageId, request.customerId(), request.kind(),
                    request.category(), request.collapseKey(), decision.channel(), decision.outcome(),
                    DatabaseTime.stored(decision.deferUntil()), decision.reason(), trail, decidedAt, null));
        }
        log.append(handle, entries);
        return List.copyOf(entries);
    }

    /** What caps and collapse windows can see: sends within the longest of the customer's periods. */
    private SendHistory history(UUID customerId, PreferenceSet set, Instant at, UUID excludedMessage) {
        Duration longest = Duration.ZERO;
        for (Category category : Category.ALL) {
            FrequencyCap cap = set.capFor(category);
            CollapseWindow window = set.collapseWindowFor(category);
            longest = max(longest, cap == null ? Duration.ZERO : cap.period());
            longest = max(longest, window == null ? Duration.ZERO : window.window());
        }
        if (longest.isZero()) {
            return SendHistory.empty();
        }
        SendHistory sent = log.sentSince(customerId, at.minus(longest));
        if (excludedMessage == null) {
            return sent;
        }
        String excluded = excludedMessage.toString();
        return new SendHistory(sent.messages().stream().filter(message -> !message.reference().equals(excluded))
                .toList());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
