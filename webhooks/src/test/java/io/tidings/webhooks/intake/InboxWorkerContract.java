package io.tidings.webhooks.intake;

import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.customer.ExternalRefs;
import io.tidings.customer.UnreachableContactPoints;
import io.tidings.dispatch.DecidedSends;
import io.tidings.dispatch.Outbox;
import io.tidings.incident.ActiveIncidents;
import io.tidings.incident.IncidentStore;
import io.tidings.ledger.ConsentLedgerStore;
import io.tidings.notification.CustomerDecisions;
import io.tidings.notification.NotificationLog;
import io.tidings.decision.EventKind;
import io.tidings.persistence.Database;
import io.tidings.preference.CategoryPolicies;
import io.tidings.privacy.CustomerErasure;
import io.tidings.preference.PreferenceStore;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the inbox workers must do on every supported database. */
abstract class InboxWorkerContract {

    private static final String REQUESTER = "20978392";
    private static final String CONTACT = "0035e00000AbCdEAAV";

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private Database database;
    private Inbox inbox;
    private InboxHandoff handoff;
    private InboxWorker worker;
    private NotificationLog log;
    private CustomerStore customers;
    private DecidedSends sends;
    private CustomerErasure erasure;
    private UUID customer;

    InboxWorkerContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
        customers = new CustomerStore(database.jdbi());
        log = new NotificationLog(database.jdbi());
        inbox = new Inbox(database.jdbi(), clock);
        ConsentLedgerStore ledger = new ConsentLedgerStore(database.jdbi());
        PreferenceStore preferences = new PreferenceStore(database.jdbi());
        UnreachableContactPoints contactPoints = new UnreachableContactPoints(database.jdbi());
        CustomerDecisions decisions = new CustomerDecisions(customers, preferences, ledger, log, contactPoints,
                new ActiveIncidents(new IncidentStore(database.jdbi())),
                CategoryPolicies.defaults(), clock);
        Outbox outbox = new Outbox(database.jdbi(), clock);
        sends = new DecidedSends(decisions, customers, outbox);
        List<EventNormaliser> normalisers = List.of(new ZendeskEvents(), new SalesforceRecordChanges(),
                new SalesforceAccountEvents());
        handoff = new InboxHandoff(clock, Duration.ofMinutes(1));
        worker = new InboxWorker(inbox, handoff, normalisers, customers, sends, clock);
        erasure = new CustomerErasure(customers, ledger, preferences, log, outbox,
                List.of(contactPoints, new InboxErasure(normalisers, clock)), clock);
        customer = new Customers(customers, clock).create(new CustomerProfile(new ExternalRefs(REQUESTER, CONTACT, null),
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
    void aFullBatchIsFollowedByTheNextAndEachBatchIsRecordedAtOnce() {
        List<InboundDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < InboxWorker.BATCH + 1; i++) {
            deliveries.add(zendesk("evt-" + i, "zen:event-type:user.active_changed", "09:00", REQUESTER));
        }
        inbox.store(deliveries);

        assertThat(worker.processPending()).isEqualTo(InboxWorker.BATCH);
        assertThat(statuses()).as("recorded with its batch").containsOnlyOnce("PENDING").contains("IGNORED");
        assertThat(worker.processPending()).as("the rest").isEqualTo(1);
        assertThat(statuses()).containsOnly("IGNORED");
    }

    @Test
    void worksHandedOverEntriesAndClaimsWhatOthersLeftWhileTheHandoffIsBusy() {
        handoff.open(worker.sources(), () -> { });
        List<InboundDelivery> handed = new ArrayList<>();
        for (int i = 0; i < 2 * InboxWorker.BATCH; i++) {
            handed.add(zendesk("handed-" + i, "zen:event-type:user.active_changed", "09:00", REQUESTER));
        }
        assertThat(handoff.reserve(handed)).isTrue();
        handoff.handOver(inbox.storeEach(handed, handoff.lease()).stream().flatMap(Optional::stream).toList(),
                handed.size());
        inbox.store(List.of(zendesk("left-by-another", "zen:event-type:user.active_changed", "09:00", REQUESTER)));

        assertThat(worker.processPending()).as("a handed-over batch and, first time, the claim")
                .isEqualTo(InboxWorker.BATCH + 1);
        assertThat(worker.processPending()).as("the claim is not due again within the second")
                .isEqualTo(InboxWorker.BATCH);
        assertThat(worker.processPending()).as("nothing left").isZero();
        assertThat(statuses()).hasSize(2 * InboxWorker.BATCH + 1).containsOnly("IGNORED");
    }

    @Test
    void releasedEntriesAreClaimedAtOnceWithoutCountingTheReleasedAttempt() {
        List<InboundDelivery> handed = List.of(zendesk("evt-1", "zen:event-type:user.active_changed", "09:00", REQUESTER));
        List<UUID> ids = inbox.storeEach(handed, handoff.lease()).stream().flatMap(Optional::stream)
                .map(InboxEntry::id).toList();
        assertThat(inbox.claim(worker.sources(), 10, handoff.lease())).as("leased at birth").isEmpty();

        inbox.release(ids);

        assertThat(inbox.claim(worker.sources(), 10, handoff.lease())).singleElement()
                .satisfies(entry -> assertThat(entry.attempts()).isEqualTo(1));
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
        InboxWorker zendeskOnly = new InboxWorker(inbox, new InboxHandoff(clock, Duration.ofMinutes(1)), List.of(new ZendeskEvents()), customers,
                sends, clock);
        inbox.store(List.of(new InboundDelivery(DeliverySource.SALESFORCE, "04l5e00000Gx7QzAAJ",
                "salesforce:outbound-message:Contact", "salesforce:Contact:0035e00000AbCdEAAV", clock.instant(), "<x/>")));

        assertThat(zendeskOnly.processPending()).isZero();
        assertThat(status("04l5e00000Gx7QzAAJ")).isEqualTo("PENDING");
    }

    @Test
    void resolvesTheCustomersOfAWholeBatchEachToTheirOwn() {
        UUID other = new Customers(customers, clock).create(new CustomerProfile(new ExternalRefs("31415926", null, null),
                "bo@example.com", null, null, ZoneOffset.UTC, null, null, null)).id();
        inbox.store(List.of(zendesk("evt-1", "zen:event-type:ticket.status_changed", "09:00", REQUESTER),
                zendesk("evt-2", "zen:event-type:ticket.comment_added", "09:01", "31415926"),
                zendesk("evt-3", "zen:event-type:ticket.comment_added", "09:02", "404"),
                flow("msg_1", "account.changed", "suspension", "09:03")));

        assertThat(worker.processPending()).isEqualTo(4);

        assertThat(customerOf("evt-1")).isEqualTo(customer);
        assertThat(customerOf("evt-2")).isEqualTo(other);
        assertThat(customerOf("msg_1")).as("found by the Salesforce contact").isEqualTo(customer);
        assertThat(status("evt-3")).isEqualTo("IGNORED");
        assertThat(customerOf("evt-3")).isNull();
        assertThat(log.entries(other, 10)).isNotEmpty().extracting(entry -> entry.kind()).containsOnly(EventKind.COMMENT_ADDED);
    }

    @Test
    void decidesASettingsChangeForAContactAndAPersonAccountAndIgnoresOtherRecords() {
        inbox.store(SalesforceOutboundMessages.read(resource("/salesforce/two-contacts.xml"), clock.instant()).notifications());
        inbox.store(SalesforceOutboundMessages.read(resource("/salesforce/accounts.xml"), clock.instant()).notifications());

        worker.processPending();

        assertThat(status("04l5e00000Gx7QzAAJ")).as("the customer's contact").isEqualTo("PROCESSED");
        assertThat(status("04l5e00000Gx7R0AAJ")).as("a contact no customer has").isEqualTo("IGNORED");
        assertThat(status("04l5e00000Gx7S1AAJ")).as("the customer's person account").isEqualTo("PROCESSED");
        assertThat(status("04l5e00000Gx7S2AAJ")).as("a business account").isEqualTo("IGNORED");
        assertThat(status("04l5e00000Gx7S3AAJ")).as("an opportunity").isEqualTo("IGNORED");
        assertThat(log.entries(customer, 20)).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.kind()).isEqualTo(EventKind.SETTINGS_CHANGE))
                .extracting(entry -> entry.collapseKey()).containsOnly("salesforce:Contact:" + CONTACT,
                        "salesforce:Account:0015e00000ZkM3hAAF");
    }

    @Test
    void skipsAContactNotificationOlderThanOneAlreadyApplied() {
        byte[] notifications = resource("/salesforce/two-contacts.xml");
        inbox.store(SalesforceOutboundMessages.read(notifications, clock.instant()).notifications());
        worker.processPending();
        String older = new String(notifications, StandardCharsets.UTF_8).replace("04l5e00000Gx7QzAAJ", "04l5e00000Gx7PyAAJ")
                .replace("2026-11-22T09:30:00.000Z", "2026-11-22T09:10:00.000Z");

        inbox.store(SalesforceOutboundMessages.read(older.getBytes(StandardCharsets.UTF_8), clock.instant()).notifications());
        worker.processPending();

        assertThat(status("04l5e00000Gx7QzAAJ")).isEqualTo("PROCESSED");
        assertThat(status("04l5e00000Gx7PyAAJ")).isEqualTo("STALE");
    }

    @Test
    void decidesFlowAccountChangesByTheirKindInTheirOwnOrder() {
        inbox.store(List.of(flow("msg_1", "account.changed", "suspension", "09:30"),
                flow("msg_4", "account.changed", "renamed", "09:32"),
                flow("msg_5", "opportunity.won", "suspension", "09:33")));
        worker.processPending();
        inbox.store(List.of(flow("msg_2", "account.changed", "plan_change", "09:00"),
                flow("msg_3", "account.changed", "suspension", "09:00")));

        worker.processPending();

        assertThat(status("msg_1")).isEqualTo("PROCESSED");
        assertThat(status("msg_2")).as("another kind keeps its own order").isEqualTo("PROCESSED");
        assertThat(status("msg_3")).as("older than the suspension already applied").isEqualTo("STALE");
        assertThat(status("msg_4")).as("a change Tidings does not act on").isEqualTo("IGNORED");
        assertThat(status("msg_5")).as("an event type Tidings does not act on").isEqualTo("IGNORED");
        assertThat(log.entries(customer, 20)).extracting(entry -> entry.kind()).contains(EventKind.SUSPENSION,
                EventKind.PLAN_CHANGE).doesNotContain(EventKind.SETTINGS_CHANGE);
    }

    @Test
    void erasingTheCustomerErasesTheirPayloadsButKeepsDeduplicating() {
        inbox.store(List.of(zendesk("evt-1", "zen:event-type:ticket.status_changed", "09:00", REQUESTER)));
        worker.processPending();
        inbox.store(List.of(zendesk("evt-2", "zen:event-type:ticket.comment_added", "09:05", REQUESTER),
                zendesk("evt-3", "zen:event-type:ticket.comment_added", "09:06", "555" + REQUESTER),
                flow("msg_1", "account.changed", "suspension", "09:07")));

        erasure.erase(customer);

        assertThat(payload("evt-1")).as("processed, attributed to the customer").isEmpty();
        assertThat(payload("evt-2")).as("pending, about the customer").isEmpty();
        assertThat(status("evt-2")).isEqualTo("IGNORED");
        assertThat(payload("msg_1")).isEmpty();
        assertThat(payload("evt-3")).as("another customer's, though it contains the erased id").contains("555" + REQUESTER);
        assertThat(status("evt-3")).isEqualTo("PENDING");
        assertThat(inbox.store(List.of(zendesk("evt-1", "zen:event-type:ticket.status_changed", "09:00", REQUESTER),
                zendesk("evt-2", "zen:event-type:ticket.comment_added", "09:05", REQUESTER))))
                .as("redeliveries are still duplicates").isZero();
        worker.processPending();
        assertThat(status("evt-2")).as("an erased entry is never processed").isEqualTo("IGNORED");
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

    private List<String> statuses() {
        return database.jdbi().withHandle(handle -> handle.createQuery("select status from inbox").mapTo(String.class).list());
    }

    private String status(String sourceEventId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select status from inbox "
                + "where source_event_id = :id").bind("id", sourceEventId).mapTo(String.class).one());
    }

    private UUID customerOf(String sourceEventId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select customer_id from inbox "
                + "where source_event_id = :id").bind("id", sourceEventId).mapTo(UUID.class).one());
    }

    private String payload(String sourceEventId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select payload from inbox "
                + "where source_event_id = :id").bind("id", sourceEventId).mapTo(String.class).one());
    }

    /** An account-change event as Tidings' Salesforce Flow posts it, for the customer's contact. */
    private static InboundDelivery flow(String id, String type, String change, String time) {
        String at = "2026-11-22T" + time + ":00Z";
        String payload = "{\"type\":\"" + type + "\",\"timestamp\":\"" + at + "\",\"data\":{\"recordId\":"
                + "\"0015e00000ZkM3hAAF\",\"contactId\":\"" + CONTACT + "\",\"change\":\"" + change + "\","
                + "\"changes\":{\"Status__c\":\"Suspended\"}}}";
        return new InboundDelivery(DeliverySource.SALESFORCE_FLOW, id, type, "salesforce:0015e00000ZkM3hAAF",
                Instant.parse(at), payload);
    }

    private static byte[] resource(String path) {
        try (InputStream in = InboxWorkerContract.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InboundDelivery zendesk(String id, String type, String time, String requester) {
        String at = "2026-11-22T" + time + ":00Z";
        String payload = "{\"type\":\"" + type + "\",\"id\":\"" + id + "\",\"time\":\"" + at + "\","
                + "\"subject\":\"zen:ticket:35436\",\"event\":{\"current\":\"SOLVED\",\"previous\":\"OPEN\"},"
                + "\"detail\":{\"id\":\"35436\"" + (requester == null ? "" : ",\"requester_id\":\"" + requester + "\"") + "}}";
        return new InboundDelivery(DeliverySource.ZENDESK, id, type, "zen:ticket:35436", Instant.parse(at), payload);
    }
}
