package io.tidings.dispatch;

import io.tidings.consent.ChannelScope;
import io.tidings.consent.ConsentBasis;
import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentSource;
import io.tidings.consent.ConsentStatement;
import io.tidings.consent.ConsentStatus;
import io.tidings.consent.Evidence;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.customer.UnreachableContactPoints;
import io.tidings.decision.EventKind;
import io.tidings.decision.Outcome;
import io.tidings.incident.ActiveIncidents;
import io.tidings.incident.IncidentStore;
import io.tidings.ledger.ConsentLedger;
import io.tidings.ledger.ConsentLedgerStore;
import io.tidings.notification.CustomerDecisions;
import io.tidings.notification.MessageRequest;
import io.tidings.notification.NotificationLog;
import io.tidings.notification.NotificationLogEntry;
import io.tidings.persistence.Database;
import io.tidings.preference.Category;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.Channel;
import io.tidings.preference.CustomerPreferences;
import io.tidings.preference.PreferenceSet;
import io.tidings.preference.PreferenceStore;
import io.tidings.preference.QuietHours;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Decisions become outbox sends in the decision's transaction, one per channel decided SEND or DEFER. */
class DecidedSendsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30Z"));
    private Database database;
    private Outbox outbox;
    private DecidedSends sends;
    private UUID customer;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.H2.open();
        CustomerStore customers = new CustomerStore(database.jdbi());
        PreferenceStore preferenceStore = new PreferenceStore(database.jdbi());
        ConsentLedgerStore ledgerStore = new ConsentLedgerStore(database.jdbi());
        outbox = new Outbox(database.jdbi(), clock);
        sends = new DecidedSends(new CustomerDecisions(customers, preferenceStore, ledgerStore,
                new NotificationLog(database.jdbi()), new UnreachableContactPoints(database.jdbi()),
                new ActiveIncidents(new IncidentStore(database.jdbi())), CategoryPolicies.defaults(), clock),
                customers, outbox);
        customer = new Customers(customers, clock).create(new CustomerProfile(null, "amara@example.com",
                "+12015550123", null, ZoneId.of("America/New_York"), null, null, null)).id();
        new ConsentLedger(customers, ledgerStore).record(customer, new ConsentStatement(
                ConsentPurpose.SERVICE_COMMUNICATIONS, ConsentStatus.GRANTED, ConsentBasis.EXPLICIT, ChannelScope.all(),
                clock.instant(), clock.instant(), null, ConsentSource.PREFERENCE_CENTRE, Evidence.none()));
        new CustomerPreferences(customers, preferenceStore, clock).change(customer, current -> PreferenceSet.builder()
                .quietHours(Channel.SMS, QuietHours.of("21:00", "08:00")).build(),
                new CustomerPreferences.ChangedBy("test", null));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void channelsDecidedSendAreQueuedNowAndDeferredOnesAtTheirWakeTimeToBeDecidedAgain() {
        List<NotificationLogEntry> entries = decideTicket4711();

        NotificationLogEntry email = entry(entries, Channel.EMAIL);
        NotificationLogEntry sms = entry(entries, Channel.SMS);
        assertThat(email.outcome()).isEqualTo(Outcome.SEND);
        assertThat(sms.outcome()).as("05:15 in New York is in the SMS quiet hours").isEqualTo(Outcome.DEFER);
        OutboxRecord queued = outbox.findByIdempotencyKey("inbox:42:email").orElseThrow();
        assertThat(queued.entry()).isEqualTo(new OutboxEntry(email.messageId(), email.id(), customer,
                EventKind.TICKET_STATUS_CHANGED, Category.TRANSACTIONAL, Channel.EMAIL,
                Map.of("ticketId", "4711", "status", "solved"), "inbox:42:email", email.decidedAt(), "ticket:4711",
                false));
        OutboxRecord deferred = outbox.findByIdempotencyKey("inbox:42:sms").orElseThrow();
        assertThat(deferred.entry()).isEqualTo(new OutboxEntry(sms.messageId(), sms.id(), customer,
                EventKind.TICKET_STATUS_CHANGED, Category.TRANSACTIONAL, Channel.SMS,
                Map.of("ticketId", "4711", "status", "solved"), "inbox:42:sms", sms.deferUntil(), "ticket:4711", true));
        assertThat(deferred.nextAttemptAt()).as("08:00 in New York").isEqualTo(Instant.parse("2026-11-22T13:00:00Z"));
    }

    @Test
    void suppressedChannelsAreNotQueued() {
        new ConsentLedger(new CustomerStore(database.jdbi()), new ConsentLedgerStore(database.jdbi())).record(customer,
                new ConsentStatement(ConsentPurpose.SERVICE_COMMUNICATIONS, ConsentStatus.REVOKED, ConsentBasis.EXPLICIT,
                        ChannelScope.of(Channel.SMS), clock.instant(), clock.instant(), null,
                        ConsentSource.SMS_KEYWORD, Evidence.none()));

        assertThat(entry(decideTicket4711(), Channel.SMS).outcome()).isEqualTo(Outcome.SUPPRESS);
        assertThat(outbox.findByIdempotencyKey("inbox:42:sms")).isEmpty();
    }

    @Test
    void decidingTheSameOriginAgainQueuesNoSecondSend() {
        NotificationLogEntry first = entry(decideTicket4711(), Channel.EMAIL);
        NotificationLogEntry second = entry(decideTicket4711(), Channel.EMAIL);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(outbox.findByIdempotencyKey("inbox:42:email").orElseThrow().entry().notificationLogId())
                .isEqualTo(first.id());
    }

    private List<NotificationLogEntry> decideTicket4711() {
        return sends.decideAndQueue(new MessageRequest(customer, EventKind.TICKET_STATUS_CHANGED, Category.TRANSACTIONAL,
                Set.of(Channel.SMS, Channel.EMAIL), "ticket:4711", clock.instant()),
                Map.of("ticketId", "4711", "status", "solved"), "inbox:42");
    }

    private static NotificationLogEntry entry(List<NotificationLogEntry> entries, Channel channel) {
        return entries.stream().filter(entry -> entry.channel() == channel).findFirst().orElseThrow();
    }
}
