package io.tidings.webhooks.intake;

import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.customer.ExternalRefs;
import io.tidings.customer.UnreachableContactPoints;
import io.tidings.dispatch.DecidedSends;
import io.tidings.dispatch.Outbox;
import io.tidings.ledger.ConsentLedgerStore;
import io.tidings.notification.CustomerDecisions;
import io.tidings.notification.NotificationLog;
import io.tidings.persistence.Database;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.PreferenceStore;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the inbox workers must do on every supported database. */
abstract class InboxWorkerContract {

    private static final String REQUESTER = "20978392";

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private Database database;
    private Inbox inbox;
    private InboxWorker worker;
    private NotificationLog log;
    private UUID customer;

    InboxWorkerContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
        CustomerStore customers = new CustomerStore(database.jdbi());
        log = new NotificationLog(database.jdbi());
        inbox = new Inbox(database.jdbi(), clock);
        CustomerDecisions decisions = new CustomerDecisions(customers, new PreferenceStore(database.jdbi()),
                new ConsentLedgerStore(database.jdbi()), log, new UnreachableContactPoints(database.jdbi()),
                CategoryPolicies.defaults(), clock);
        worker = new InboxWorker(inbox, List.of(new ZendeskEvents()), customers,
                new DecidedSends(decisions, customers, new Outbox(database.jdbi(), clock)), clock);
        customer = new Customers(customers, clock).create(new CustomerProfile(new ExternalRefs(REQUESTER, null, null),
                "amara@example.com", null, null, ZoneOffset.UTC, null, null, null)).id();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void decidesATicketStatusChangeForTheRequester() {
        inbox.store(List.of(zendesk("evt-1", "zen:event-type:ticket.status_changed", "09:00", REQUESTER)));

        assertThat(worker.processPending()).isEqualTo(1);

        assertThat(status("evt-1")).isEqualTo("PROCESSED");
        assertThat(log.entries(customer, 10)).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.collapseKey()).isEqualTo("zen:ticket:35436"));
        assertThat(worker.processPending()).as("settled entries are not claimed again").isZero();
        Map<String, Object> email = database.jdbi().withHandle(handle -> handle.createQuery(
                "select idempotency_key, template_values from outbox where channel = 'EMAIL'").mapToMap().one());
        assertThat((String) email.get("idempotency_key")).as("keyed by the inbox entry").startsWith("inbox:").endsWith(":email");
        assertThat(String.valueOf(email.get("template_values"))).contains("35436").contains("solved");
    }

    @Test
    void ignoresUnknownEventTypesAndUnknownCustomers() {
        inbox.store(List.of(zendesk("evt-1", "zen:event-type:user.active_changed", "09:00", REQUESTER),
                zendesk("evt-2", "zen:event-type:ticket.comment_added", "09:01", "999")));

        worker.processPending();

        assertThat(status("evt-1")).isEqualTo("IGNORED");
        assertThat(status("evt-2")).isEqualTo("IGNORED");
        assertThat(log.entries(customer, 10)).isEmpty();
    }

    @Test
    void skipsAnOlderStatusChangeArrivingAfterANewerOne() {
        inbox.store(List.of(zendesk("newer", "zen:event-type:ticket.status_changed", "09:30", REQUESTER)));
        worker.processPending();
        inbox.store(List.of(zendesk("older", "zen:event-type:ticket.status_changed", "09:00", REQUESTER),
                zendesk("older-comment", "zen:event-type:ticket.comment_added", "09:00", REQUESTER)));

        worker.processPending();

        assertThat(status("newer")).isEqualTo("PROCESSED");
        assertThat(status("older")).isEqualTo("STALE");
        assertThat(status("older-comment")).as("another kind of event keeps its own order").isEqualTo("PROCESSED");
    }

    @Test
    void appliesEventsOfOneBatchOldestFirst() {
        inbox.store(List.of(zendesk("b", "zen:event-type:ticket.status_changed", "09:30", REQUESTER),
                zendesk("a", "zen:event-type:ticket.status_changed", "09:00", REQUESTER)));

        worker.processPending();

        assertThat(status("a")).isEqualTo("PROCESSED");
        assertThat(status("b")).isEqualTo("PROCESSED");
    }

    @Test
    void failsAnEventThatNamesNoCustomer() {
        inbox.store(List.of(zendesk("evt-1", "zen:event-type:ticket.status_changed", "09:00", null)));

        worker.processPending();

        assertThat(status("evt-1")).isEqualTo("FAILED");
    }

    @Test
    void leavesSourcesWithoutANormaliserPending() {
        inbox.store(List.of(new InboundDelivery(DeliverySource.SALESFORCE, "04l5e00000Gx7QzAAJ",
                "salesforce:outbound-message:Contact", "salesforce:Contact:0035e00000AbCdEAAV", clock.instant(), "<x/>")));

        assertThat(worker.processPending()).isZero();
        assertThat(status("04l5e00000Gx7QzAAJ")).isEqualTo("PENDING");
    }

    @Test
    void aClaimHoldsEntriesUntilItsLeaseRunsOut() {
        inbox.store(List.of(zendesk("evt-1", "zen:event-type:ticket.status_changed", "09:00", REQUESTER)));

        List<InboxEntry> first = inbox.claim(List.of(DeliverySource.ZENDESK), 10, Duration.ofMinutes(1));
        List<InboxEntry> meanwhile = inbox.claim(List.of(DeliverySource.ZENDESK), 10, Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(61));
        List<InboxEntry> afterLease = inbox.claim(List.of(DeliverySource.ZENDESK), 10, Duration.ofMinutes(1));

        assertThat(first).singleElement().satisfies(entry -> assertThat(entry.attempts()).isEqualTo(1));
        assertThat(meanwhile).isEmpty();
        assertThat(afterLease).singleElement().satisfies(entry -> assertThat(entry.attempts()).isEqualTo(2));
    }

    private String status(String sourceEventId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select status from inbox "
                + "where source_event_id = :id").bind("id", sourceEventId).mapTo(String.class).one());
    }

    private static InboundDelivery zendesk(String id, String type, String time, String requester) {
        String at = "2026-11-22T" + time + ":00Z";
        String payload = "{\"type\":\"" + type + "\",\"id\":\"" + id + "\",\"time\":\"" + at + "\","
                + "\"subject\":\"zen:ticket:35436\",\"event\":{\"current\":\"SOLVED\",\"previous\":\"OPEN\"},"
                + "\"detail\":{\"id\":\"35436\"" + (requester == null ? "" : ",\"requester_id\":\"" + requester + "\"") + "}}";
        return new InboundDelivery(DeliverySource.ZENDESK, id, type, "zen:ticket:35436", Instant.parse(at), payload);
    }
}
