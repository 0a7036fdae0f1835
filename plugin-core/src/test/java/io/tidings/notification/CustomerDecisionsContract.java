package io.tidings.notification;

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
import io.tidings.customer.Region;
import io.tidings.customer.UnreachableContactPoints;
import io.tidings.decision.Decision;
import io.tidings.decision.EventKind;
import io.tidings.decision.Outcome;
import io.tidings.decision.Rule;
import io.tidings.event.DomainEvents;
import io.tidings.incident.ActiveIncidents;
import io.tidings.incident.IncidentKind;
import io.tidings.incident.IncidentScope;
import io.tidings.incident.IncidentStore;
import io.tidings.incident.Incidents;
import io.tidings.incident.NewIncident;
import io.tidings.incident.Severity;
import io.tidings.ledger.ConsentLedger;
import io.tidings.ledger.ConsentLedgerStore;
import io.tidings.persistence.Database;
import io.tidings.preference.Category;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.Channel;
import io.tidings.preference.CustomerPreferences;
import io.tidings.preference.FrequencyCap;
import io.tidings.preference.PreferenceSet;
import io.tidings.preference.PreferenceStore;
import io.tidings.preference.QuietHours;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Deciding for stored customers, on every supported database. */
abstract class CustomerDecisionsContract {

    /** 23:30 in New York. */
    private static final Instant NIGHT = Instant.parse("2026-06-10T03:30:00Z");
    /** 09:15 in New York. */
    private static final Instant MORNING = Instant.parse("2026-06-10T13:15:00Z");

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
    private Database database;
    private CustomerPreferences preferences;
    private CustomerDecisions decisions;
    private NotificationLog log;
    private Incidents incidents;
    private ConsentLedger ledger;
    private Customers customerService;
    private UUID customer;

    CustomerDecisionsContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
        CustomerStore customers = new CustomerStore(database.jdbi());
        PreferenceStore preferenceStore = new PreferenceStore(database.jdbi());
        ConsentLedgerStore ledgerStore = new ConsentLedgerStore(database.jdbi());
        log = new NotificationLog(database.jdbi());
        preferences = new CustomerPreferences(customers, preferenceStore, clock);
        IncidentStore incidentStore = new IncidentStore(database.jdbi());
        ActiveIncidents active = new ActiveIncidents(incidentStore);
        decisions = new CustomerDecisions(customers, preferenceStore, ledgerStore, log,
                new UnreachableContactPoints(database.jdbi()), active, CategoryPolicies.defaults(), clock);
        incidents = new Incidents(incidentStore, customers, active, DomainEvents.none(), clock);
        ledger = new ConsentLedger(customers, ledgerStore);
        customerService = new Customers(customers, clock);
        customer = customerService.create(new CustomerProfile(null, null, "+12015550123", null,
                ZoneId.of("America/New_York"), null, null, null)).id();
        grantServiceCommunications(customer);
        preferences.change(customer, current -> PreferenceSet.builder()
                .quietHours(Channel.SMS, QuietHours.of("21:00", "08:00"))
                .cap(new FrequencyCap(Category.TRANSACTIONAL, 1, Duration.ofDays(1)))
                .build(), new CustomerPreferences.ChangedBy("test", null));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void explainDefersSmsAtNightUntilEightLocalAndSendsInTheMorningWritingNothing() {
        Decision night = decisions.explain(request(EventKind.TICKET_STATUS_CHANGED, Category.SERVICE_UPDATE, NIGHT))
                .decisions().get(Channel.SMS);
        Decision morning = decisions.explain(request(EventKind.TICKET_STATUS_CHANGED, Category.SERVICE_UPDATE, MORNING))
                .decisions().get(Channel.SMS);

        assertThat(night.outcome()).isEqualTo(Outcome.DEFER);
        assertThat(night.deferUntil()).isEqualTo(Instant.parse("2026-06-10T12:00:00Z"));
        assertThat(night.reason()).contains("quiet-hours").contains("08:00");
        assertThat(morning.outcome()).isEqualTo(Outcome.SEND);
        assertThat(log.entries(customer, 100)).as("explaining has no side effects").isEmpty();
    }

    @Test
    void decideLogsEveryChannelAndTheLogFeedsTheCap() {
        List<NotificationLogEntry> first = decisions.decide(request(EventKind.BILLING_ISSUE, Category.TRANSACTIONAL, MORNING));
        List<NotificationLogEntry> second = decisions.decide(
                request(EventKind.BILLING_ISSUE, Category.TRANSACTIONAL, MORNING.plusSeconds(600)));

        assertThat(first).extracting(NotificationLogEntry::channel).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(first).extracting(NotificationLogEntry::outcome).containsOnly(Outcome.SEND);
        assertThat(second).extracting(NotificationLogEntry::outcome).containsOnly(Outcome.SUPPRESS);
        assertThat(second.getFirst().reason()).contains("frequency-cap");
        List<NotificationLogEntry> logged = log.entries(customer, 100);
        assertThat(logged).hasSize(4);
        assertThat(logged.getFirst().messageId()).isEqualTo(second.getFirst().messageId());
        assertThat(logged).contains(first.get(1));
        assertThat(logged.getLast().trail()).extracting(LoggedStep::rule).contains("consent", "frequency-cap");
    }

    @Test
    void aDecisionForACustomerAnIncidentAffectsCarriesTheIncidentStepAndOthersDoNot() {
        UUID onBroadband = customerService.create(new CustomerProfile(null, null, "+12015550124", null,
                ZoneId.of("America/New_York"), new Region("US", "US-NJ", null), null, Set.of("broadband"))).id();
        grantServiceCommunications(onBroadband);
        incidents.declare(new NewIncident("Broadband down in New Jersey", IncidentKind.UNPLANNED_OUTAGE, Severity.MAJOR,
                new IncidentScope(Set.of("broadband"), Set.of("US-NJ"), Set.of()), null, null, "Looking into it."), "noc");

        Decision affected = decisions.explain(new MessageRequest(onBroadband, EventKind.TICKET_STATUS_CHANGED,
                Category.SERVICE_UPDATE, Set.of(Channel.SMS), "", MORNING)).decisions().get(Channel.SMS);
        Decision unaffected = decisions.explain(request(EventKind.TICKET_STATUS_CHANGED, Category.SERVICE_UPDATE, MORNING))
                .decisions().get(Channel.SMS);

        assertThat(affected.outcome()).isEqualTo(Outcome.SEND);
        assertThat(affected.trail().steps()).filteredOn(step -> step.rule() == Rule.INCIDENT).singleElement()
                .satisfies(step -> assertThat(step.describe()).contains("'Broadband down in New Jersey' active"));
        assertThat(unaffected.outcome()).isEqualTo(Outcome.SEND);
        assertThat(unaffected.trail().steps()).noneMatch(step -> step.rule() == Rule.INCIDENT);
    }

    private void grantServiceCommunications(UUID customerId) {
        ledger.record(customerId, new ConsentStatement(
                ConsentPurpose.SERVICE_COMMUNICATIONS, ConsentStatus.GRANTED, ConsentBasis.EXPLICIT, ChannelScope.all(),
                clock.instant(), clock.instant(), null, ConsentSource.PREFERENCE_CENTRE, Evidence.none()));
    }

    private MessageRequest request(EventKind kind, Category category, Instant at) {
        return new MessageRequest(customer, kind, category, Set.of(Channel.EMAIL, Channel.SMS), "", at);
    }
}
