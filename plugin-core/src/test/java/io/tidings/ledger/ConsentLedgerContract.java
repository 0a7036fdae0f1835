package io.tidings.ledger;

import io.tidings.consent.ChainBreak;
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
import io.tidings.error.ResourceNotFoundException;
import io.tidings.persistence.Database;
import io.tidings.preference.Channel;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the stored consent ledger must do on every supported database. */
abstract class ConsentLedgerContract {

    private static final Instant T0 = Instant.parse("2026-03-02T08:30:00.123456789Z");

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(T0);
    private Database database;
    private CustomerStore customerStore;
    private ConsentLedgerStore store;
    private ConsentLedger ledger;
    private UUID customer;

    ConsentLedgerContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
        customerStore = new CustomerStore(database.jdbi());
        store = new ConsentLedgerStore(database.jdbi());
        ledger = new ConsentLedger(customerStore, store);
        customer = newCustomer();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void recordsReadBackExactlyAndChainIntact() {
        ConsentRecord granted = ledger.record(customer, statement(ConsentStatus.GRANTED, T0, "signed up"));
        ConsentRecord revoked = ledger.record(customer, statement(ConsentStatus.REVOKED, T0.plusSeconds(60), "stop"));

        assertThat(ledger.records(customer)).containsExactly(granted, revoked);
        assertThat(granted.statement().capturedAt()).as("kept to the microsecond, as stored")
                .isEqualTo(Instant.parse("2026-03-02T08:30:00.123456Z"));
        assertThat(revoked.previousHash()).isEqualTo(granted.hash());
        assertThat(ledger.verify(customer)).isEqualTo(ChainVerification.intact(2));
        assertThat(ledger.current(customer, T0.plusSeconds(120)).stateOf(ConsentPurpose.MARKETING, Channel.EMAIL).status())
                .isEqualTo(ConsentStatus.REVOKED);
    }

    @Test
    void anUnknownCustomerHasNoLedger() {
        UUID nobody = UUID.randomUUID();

        assertThatThrownBy(() -> ledger.record(nobody, statement(ConsentStatus.GRANTED, T0, null)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ledger.records(nobody)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void concurrentAppendsForOneCustomerKeepTheChainValid() throws Exception {
        int threads = 8;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        ledger.record(customer, statement(i % 2 == 0 ? ConsentStatus.GRANTED : ConsentStatus.REVOKED,
                                T0.plusSeconds(i), "thread " + thread + " #" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<ConsentRecord> records = ledger.records(customer);
        assertThat(records).hasSize(threads * perThread);
        assertThat(records).extracting(ConsentRecord::sequence).doesNotHaveDuplicates();
        assertThat(ledger.verify(customer)).isEqualTo(ChainVerification.intact(threads * perThread));
        assertThat(ledger.verifyAll().isIntact()).isTrue();
    }

    @Test
    void aRecordEditedInTheDatabaseIsNamedByVerify() {
        ledger.record(customer, statement(ConsentStatus.GRANTED, T0, "signed up"));
        ledger.record(customer, statement(ConsentStatus.REVOKED, T0.plusSeconds(60), "stop"));
        ledger.record(customer, statement(ConsentStatus.DENIED, T0.plusSeconds(120), "no"));
        UUID bystander = newCustomer();
        ledger.record(bystander, statement(ConsentStatus.GRANTED, T0, null));

        int edited = database.jdbi().withHandle(handle -> handle.createUpdate(
                        "update consent_record set status = 'GRANTED' where customer_id = :id and seq = 2")
                .bind("id", customer).execute());

        assertThat(edited).isEqualTo(1);
        ChainVerification verification = ledger.verify(customer);
        assertThat(verification.brokenSequence()).isEqualTo(2);
        assertThat(verification.breakKind()).isEqualTo(ChainBreak.CONTENT_HASH_MISMATCH);
        LedgerVerification all = ledger.verifyAll();
        assertThat(all.ledgersChecked()).isEqualTo(2);
        assertThat(all.recordsChecked()).as("up to the broken record, plus the bystander's").isEqualTo(3);
        assertThat(all.broken()).singleElement().satisfies(broken -> {
            assertThat(broken.customerId()).isEqualTo(customer);
            assertThat(broken.verification().brokenSequence()).isEqualTo(2);
        });
    }

    @Test
    void theDatabaseRefusesValuesTidingsNeverWrites() {
        ledger.record(customer, statement(ConsentStatus.GRANTED, T0, "signed up"));

        assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.createUpdate(
                "update consent_record set status = 'MAYBE' where customer_id = :id").bind("id", customer).execute()))
                .hasMessageContaining("consent_record_status_known");
        assertThat(ledger.verify(customer).isIntact()).isTrue();
    }

    @Test
    void editedPersonalEvidenceIsFoundToo() {
        ledger.record(customer, statement(ConsentStatus.GRANTED, T0, "signed up"));
        database.jdbi().useHandle(handle -> handle.createUpdate(
                "update consent_record set ip_address = '198.51.100.1' where customer_id = :id").bind("id", customer).execute());

        assertThat(ledger.verify(customer).breakKind()).isEqualTo(ChainBreak.CONTENT_HASH_MISMATCH);
    }

    @Test
    void erasingEvidenceKeepsTheProofAndTheChainVerifying() {
        ledger.record(customer, statement(ConsentStatus.GRANTED, T0, "signed up"));
        ledger.record(customer, statement(ConsentStatus.REVOKED, T0.plusSeconds(60), "stop"));

        customerStore.inTransaction(handle -> {
            store.eraseEvidence(handle, customer);
            return null;
        });

        List<ConsentRecord> records = ledger.records(customer);
        assertThat(records).hasSize(2).allSatisfy(record -> {
            Evidence evidence = record.statement().evidence();
            assertThat(evidence.isErased()).isTrue();
            assertThat(evidence.ipAddress()).isNull();
            assertThat(evidence.note()).isNull();
            assertThat(evidence.noticeVersion()).isEqualTo("privacy-2026-03");
        });
        assertThat(records).extracting(record -> record.statement().status())
                .containsExactly(ConsentStatus.GRANTED, ConsentStatus.REVOKED);
        assertThat(ledger.verify(customer)).isEqualTo(ChainVerification.intact(2));
        int personal = database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from consent_record where ip_address is not null or user_agent is not null "
                        + "or note is not null or ticket_id is not null").mapTo(Integer.class).one());
        assertThat(personal).isZero();
    }

    private UUID newCustomer() {
        Customers customers = new Customers(customerStore, clock);
        Customer created = customers.create(new CustomerProfile(null, "c@example.com", null, null, null, null, null, null));
        return created.id();
    }

    private static ConsentStatement statement(ConsentStatus status, Instant at, String note) {
        return new ConsentStatement(ConsentPurpose.MARKETING, status, ConsentBasis.EXPLICIT,
                ChannelScope.of(Channel.EMAIL, Channel.SMS), at, at, null, ConsentSource.PREFERENCE_CENTRE,
                new Evidence(null, "T-9", "203.0.113.7", "Mozilla/5.0", "privacy-2026-03", note));
    }
}
