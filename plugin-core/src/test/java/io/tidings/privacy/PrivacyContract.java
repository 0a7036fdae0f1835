package io.tidings.privacy;

import io.tidings.consent.ChainVerification;
import io.tidings.consent.ChannelScope;
import io.tidings.consent.ConsentBasis;
import io.tidings.consent.ConsentPurpose;
import io.tidings.consent.ConsentRecord;
import io.tidings.consent.ConsentSource;
import io.tidings.consent.ConsentStatement;
import io.tidings.consent.ConsentStatus;
import io.tidings.consent.Evidence;
import io.tidings.customer.Customer;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.customer.UnreachableContactPoints;
import io.tidings.decision.EventKind;
import io.tidings.dispatch.Outbox;
import io.tidings.dispatch.OutboxEntry;
import io.tidings.error.ResourceNotFoundException;
import io.tidings.inapp.InAppMessageStore;
import io.tidings.inapp.NewInAppMessage;
import io.tidings.incident.ActiveIncidents;
import io.tidings.incident.IncidentStore;
import io.tidings.ledger.ConsentLedger;
import io.tidings.ledger.ConsentLedgerStore;
import io.tidings.notification.CustomerDecisions;
import io.tidings.notification.MessageRequest;
import io.tidings.notification.NotificationLog;
import io.tidings.persistence.Database;
import io.tidings.preference.Category;
import io.tidings.preference.CategoryPolicies;
import io.tidings.preference.Channel;
import io.tidings.preference.CustomerPreferences;
import io.tidings.preference.PreferenceSet;
import io.tidings.preference.PreferenceStore;
import io.tidings.preference.QuietHours;
import io.tidings.push.DevicePlatform;
import io.tidings.push.DeviceTokenStore;
import io.tidings.support.CustomerReply;
import io.tidings.support.StoredReplies;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Export and erasure of everything held about a customer, on every supported database. */
abstract class PrivacyContract {

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private Database database;
    private ConsentLedger ledger;
    private CustomerExport export;
    private CustomerErasure erasure;
    private UUID customer;

    PrivacyContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
        CustomerStore customers = new CustomerStore(database.jdbi());
        PreferenceStore preferences = new PreferenceStore(database.jdbi());
        ConsentLedgerStore ledgerStore = new ConsentLedgerStore(database.jdbi());
        NotificationLog log = new NotificationLog(database.jdbi());
        ledger = new ConsentLedger(customers, ledgerStore);
        DeviceTokenStore deviceTokens = new DeviceTokenStore(database.jdbi(), customers, clock);
        InAppMessageStore inApp = new InAppMessageStore(database.jdbi(), customers, clock);
        export = new CustomerExport(customers, preferences, ledgerStore, log, deviceTokens, inApp, clock);
        Outbox outbox = new Outbox(database.jdbi(), clock);
        erasure = new CustomerErasure(customers, ledgerStore, preferences, log, outbox,
                List.of(new UnreachableContactPoints(database.jdbi()), new StoredReplies(database.jdbi(), clock),
                        deviceTokens, inApp), clock);
        customer = new Customers(customers, clock).create(new CustomerProfile(null, "amara@example.com",
                "+12015550123", null, null, null, null, null)).id();
        for (ConsentStatus status : new ConsentStatus[] {ConsentStatus.GRANTED, ConsentStatus.REVOKED}) {
            ledger.record(customer, new ConsentStatement(ConsentPurpose.MARKETING, status, ConsentBasis.EXPLICIT,
                    ChannelScope.all(), clock.instant(), clock.instant(), null, ConsentSource.AGENT,
                    new Evidence("agent-7", "T-1", "203.0.113.7", "Mozilla/5.0", "privacy-2026-05", "on the phone")));
        }
        new CustomerPreferences(customers, preferences, clock).change(customer, current -> PreferenceSet.builder()
                .quietHours(Channel.SMS, QuietHours.of("21:00", "08:00")).build(),
                new CustomerPreferences.ChangedBy("crm", null));
        new CustomerDecisions(customers, preferences, ledgerStore, log, new UnreachableContactPoints(database.jdbi()),
                new ActiveIncidents(new IncidentStore(database.jdbi())),
                CategoryPolicies.defaults(), clock).decide(new MessageRequest(customer,
                EventKind.BILLING_ISSUE, Category.TRANSACTIONAL, Set.of(Channel.EMAIL), "", clock.instant()));
        outbox.enqueue(new OutboxEntry(UUID.randomUUID(), null, customer, EventKind.BILLING_ISSUE,
                Category.TRANSACTIONAL, Channel.EMAIL, Map.of("name", "Amara"), "billing-1", clock.instant()));
        deviceTokens.register(customer, "fcm-token-of-amaras-phone", DevicePlatform.ANDROID);
        inApp.store(new NewInAppMessage(customer, "billing-1:in_app", Category.TRANSACTIONAL, "Billing",
                "Your card was declined."));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void exportHoldsProfilePreferencesLedgerAndLog() {
        HeldData held = export.export(customer);

        assertThat(held.customer().profile().email()).isEqualTo("amara@example.com");
        assertThat(held.preferences().preferences().quietHoursFor(Channel.SMS)).isNotNull();
        assertThat(held.preferenceHistory()).hasSize(1);
        assertThat(held.consents()).hasSize(2);
        assertThat(held.notifications()).singleElement()
                .satisfies(entry -> assertThat(entry.channel()).isEqualTo(Channel.EMAIL));
        assertThat(held.deviceTokens()).singleElement()
                .satisfies(token -> assertThat(token.token()).isEqualTo("fcm-token-of-amaras-phone"));
        assertThat(held.inAppMessages()).singleElement()
                .satisfies(message -> assertThat(message.body()).isEqualTo("Your card was declined."));
    }

    @Test
    void erasureRemovesStoredRepliesAndUnreachableMarks() {
        Customer stored = new CustomerStore(database.jdbi()).find(customer).orElseThrow();
        UnreachableContactPoints contactPoints = new UnreachableContactPoints(database.jdbi());
        database.jdbi().useHandle(handle -> contactPoints.mark(handle, stored, Channel.SMS, "provider reported 30006",
                clock.instant()));
        StoredReplies replies = new StoredReplies(database.jdbi(), clock);
        replies.storeForCustomer(customer, new CustomerReply(Channel.SMS, "Call me back", clock.instant(), "SM1"),
                "0".repeat(64));

        erasure.erase(customer);

        assertThat(replies.forCustomer(customer)).isEmpty();
        int marks = database.jdbi().withHandle(handle -> handle.createQuery("select count(*) from "
                + "unreachable_contact_point").mapTo(Integer.class).one());
        assertThat(marks).isZero();
    }

    @Test
    void erasureRemovesPersonalDataAndKeepsAVerifyingProof() {
        List<ConsentRecord> before = ledger.records(customer);

        erasure.erase(customer);

        assertThatThrownBy(() -> export.export(customer)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> erasure.erase(customer)).isInstanceOf(ResourceNotFoundException.class);
        List<ConsentRecord> after = ledger.records(customer);
        assertThat(after).containsExactlyElementsOf(before.stream().map(ConsentRecord::erased).toList());
        assertThat(ledger.verify(customer)).isEqualTo(ChainVerification.intact(2));
        assertThat(count("preference_set") + count("preference_change") + count("preference_quiet_hours")
                + count("notification_log") + count("outbox") + count("device_token") + count("in_app_message"))
                .isZero();
    }

    private int count(String table) {
        return database.jdbi().withHandle(handle -> handle.createQuery("select count(*) from " + table)
                .mapTo(Integer.class).one());
    }
}
