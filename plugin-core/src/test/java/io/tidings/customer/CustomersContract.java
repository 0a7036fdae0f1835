package io.tidings.customer;

import io.tidings.api.model.CustomerInput;
import io.tidings.api.model.ExternalRefs;
import io.tidings.error.ConflictException;
import io.tidings.error.FieldViolation;
import io.tidings.error.ResourceNotFoundException;
import io.tidings.persistence.Database;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What customer persistence must do on every supported database. */
abstract class CustomersContract {

    private final TestDatabase target;
    private Database database;
    private CustomerStore store;
    private Customers customers;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30.123456789Z"));

    CustomersContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
        store = new CustomerStore(database.jdbi());
        customers = new Customers(store, clock);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void createdCustomersReadBackExactly() {
        Customer created = customers.create(profile("1001", "amara@example.com", Set.of("vip", "consumer")));

        Customer read = customers.get(created.id());

        assertThat(read).isEqualTo(created);
        assertThat(read.profile().segments()).containsExactly("consumer", "vip");
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123456Z"));
    }

    @Test
    void replacingChangesTheProfileAndTheUpdateTimeOnly() {
        Customer created = customers.create(profile("1001", "amara@example.com", Set.of("consumer")));
        clock.advance(Duration.ofMinutes(5));

        Customer replaced = customers.replace(created.id(), profile("1001", "amara@example.org", Set.of("business")));

        assertThat(customers.get(created.id())).isEqualTo(replaced);
        assertThat(replaced.profile().email()).isEqualTo("amara@example.org");
        assertThat(replaced.profile().segments()).containsExactly("business");
        assertThat(replaced.createdAt()).isEqualTo(created.createdAt());
        assertThat(replaced.updatedAt()).isAfter(created.updatedAt());
    }

    @Test
    void anExternalReferenceBelongsToOneCustomer() {
        Customer first = customers.create(profile("1001", "a@example.com", Set.of()));
        Customer second = customers.create(profile("1002", "b@example.com", Set.of()));

        assertThatThrownBy(() -> customers.create(profile("1001", "c@example.com", Set.of())))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).violations())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(FieldViolation.class))
                .extracting(FieldViolation::field).containsExactly("/externalRefs/zendeskUserId");
        assertThatThrownBy(() -> customers.replace(second.id(), profile("1001", "b@example.com", Set.of())))
                .isInstanceOf(ConflictException.class);
        assertThat(customers.get(second.id()).profile().externalRefs().zendeskUserId()).isEqualTo("1002");
        assertThat(customers.get(first.id()).profile().externalRefs().zendeskUserId()).isEqualTo("1001");
    }

    @Test
    void pagesWalkEveryCustomerOnceInCreationOrder() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(customers.create(profile(String.valueOf(2000 + i), null, Set.of())).id());
            clock.advance(Duration.ofMillis(1));
        }
        List<UUID> walked = new ArrayList<>();
        UUID after = null;
        List<Customer> page;
        do {
            page = customers.list(new CustomerQuery(after, 3, null));
            page.forEach(customer -> walked.add(customer.id()));
            after = page.isEmpty() ? null : page.getLast().id();
        } while (page.size() == 3);

        assertThat(walked).containsExactlyElementsOf(ids);
    }

    @Test
    void listsFilterByExternalReference() {
        customers.create(profile("1001", null, Set.of()));
        Customer wanted = customers.create(profile("1002", null, Set.of()));

        List<Customer> found = customers.list(new CustomerQuery(null, 50,
                new io.tidings.customer.ExternalRefs("1002", null, null)));

        assertThat(found).containsExactly(wanted);
    }

    @Test
    void anErasedCustomerIsGoneFromReadsListsAndMatchesButItsRowStays() {
        Customer erased = customers.create(profile("1001", "amara@example.com", Set.of("vip")));
        Customer kept = customers.create(profile("1002", null, Set.of()));

        boolean done = store.inTransaction(handle -> store.erase(handle, erased.id(), clock.instant()));

        assertThat(done).isTrue();
        boolean again = store.inTransaction(handle -> store.erase(handle, erased.id(), clock.instant()));
        assertThat(again).as("erasing twice finds nothing left to erase").isFalse();
        assertThatThrownBy(() -> customers.get(erased.id())).isInstanceOf(ResourceNotFoundException.class);
        assertThat(customers.list(new CustomerQuery(null, 50, null))).containsExactly(kept);
        assertThat(customers.create(profile("1001", null, Set.of())).profile().externalRefs().zendeskUserId())
                .as("its references are free again").isEqualTo("1001");
        List<String> personal = database.jdbi().withHandle(handle -> handle.createQuery(
                        "select coalesce(email, phone, zendesk_user_id, time_zone, locale) from customer where id = :id")
                .bind("id", erased.id()).mapTo(String.class).list());
        assertThat(personal).as("the tombstone row holds no personal data").containsExactly((String) null);
        int segmentRows = database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from customer_segment where customer_id = :id").bind("id", erased.id()).mapTo(Integer.class).one());
        assertThat(segmentRows).isZero();
    }

    @Test
    void bulkUpsertCreatesUpdatesAndLeavesAloneByReference() {
        Customer existing = customers.create(profile("1001", "old@example.com", Set.of("consumer")));
        Customer untouched = customers.create(profile("1002", "same@example.com", Set.of()));
        clock.advance(Duration.ofSeconds(1));

        BulkUpsert.Outcome outcome = customers.bulkUpsert(List.of(
                item(null, input("1001").email("new@example.com")),
                item(null, input("1002").email("same@example.com")),
                item(null, input("1003").email("created@example.com"))));

        assertThat(outcome.results()).extracting(BulkUpsert.Result::kind).containsExactly(
                BulkUpsert.Kind.UPDATED, BulkUpsert.Kind.UNCHANGED, BulkUpsert.Kind.CREATED);
        Customer updated = customers.get(existing.id());
        assertThat(updated.profile().email()).isEqualTo("new@example.com");
        assertThat(updated.profile().segments()).as("fields the item left out keep their value").containsExactly("consumer");
        assertThat(customers.get(untouched.id())).isEqualTo(untouched);
        assertThat(customers.get(outcome.results().get(2).customerId()).profile().email()).isEqualTo("created@example.com");
    }

    @Test
    void bulkUpsertJudgesItemsOneByOneAndWritesTheGoodOnes() {
        Customer a = customers.create(profile("1001", null, Set.of()));
        customers.create(profile("1002", null, Set.of()));

        BulkUpsert.Outcome outcome = customers.bulkUpsert(List.of(
                item(null, input("1003").phone("not a phone")),
                item(null, new CustomerInput().email("nobody@example.com")),
                item(a.id(), input("1002")),
                item(UUID.randomUUID(), input("1004")),
                item(null, input("1005").email("first@example.com")),
                item(null, input("1005").email("second@example.com")),
                item(null, input("1006").email("fine@example.com"))));

        assertThat(outcome.results()).extracting(BulkUpsert.Result::kind).containsExactly(
                BulkUpsert.Kind.FAILED, BulkUpsert.Kind.FAILED, BulkUpsert.Kind.FAILED, BulkUpsert.Kind.FAILED,
                BulkUpsert.Kind.CREATED, BulkUpsert.Kind.FAILED, BulkUpsert.Kind.CREATED);
        assertThat(outcome.results().get(0).violations()).extracting(FieldViolation::field).containsExactly("/phone");
        assertThat(outcome.results().get(2).violations()).extracting(FieldViolation::field).containsExactly("/externalRefs");
        assertThat(outcome.results().get(3).violations()).extracting(FieldViolation::field).containsExactly("/id");
        assertThat(outcome.results().get(5).violations().getFirst().message()).contains("item 4");
        assertThat(customers.list(new CustomerQuery(null, 50, null))).hasSize(4);
        assertThat(customers.list(new CustomerQuery(null, 50, new io.tidings.customer.ExternalRefs("1005", null, null))))
                .extracting(customer -> customer.profile().email()).containsExactly("first@example.com");
    }

    @Test
    void repeatingABulkUpsertChangesNothing() {
        List<BulkUpsert.Item> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(item(null, input(String.valueOf(10_000 + i)).email("c" + i + "@example.com").segments(Set.of("bulk"))));
        }

        BulkUpsert.Outcome first = customers.bulkUpsert(items);
        BulkUpsert.Outcome second = customers.bulkUpsert(items);

        assertThat(first.count(BulkUpsert.Kind.CREATED)).isEqualTo(1000);
        assertThat(second.count(BulkUpsert.Kind.UNCHANGED)).isEqualTo(1000);
        assertThat(customers.list(new CustomerQuery(null, 500, null))).hasSize(500);
    }

    private static BulkUpsert.Item item(UUID id, CustomerInput input) {
        return new BulkUpsert.Item(id, input);
    }

    @Test
    void idsHoldingFindsTheCustomerHoldingEveryGivenReference() {
        String contact = "0035e00000AbCdEAAV";
        Customer both = customers.create(CustomerInputs.read(new CustomerInput().externalRefs(new ExternalRefs()
                .zendeskUserId("1001").salesforceContactId(contact)).email("amara@example.com")).profileOrThrow());
        Customer zendeskOnly = customers.create(profile("1002", "bo@example.com", Set.of()));
        Customer erased = customers.create(profile("1003", "cy@example.com", Set.of()));
        store.inTransaction(handle -> store.erase(handle, erased.id(), clock.instant()));
        var byZendesk = refs("1001", null);
        var byContact = refs(null, contact);
        var byBoth = refs("1001", contact);
        var split = refs("1002", contact);

        var ids = store.idsHolding(List.of(byZendesk, byContact, byBoth, split, refs("1002", null), refs("1003", null),
                refs("9999", null), io.tidings.customer.ExternalRefs.NONE));

        assertThat(ids).containsOnly(Map.entry(byZendesk, both.id()), Map.entry(byContact, both.id()),
                Map.entry(byBoth, both.id()), Map.entry(refs("1002", null), zendeskOnly.id()));
        assertThat(ids).as("two references held by two customers, the erased one, an unknown one, none")
                .doesNotContainKeys(split, refs("1003", null), refs("9999", null));
    }

    private static io.tidings.customer.ExternalRefs refs(String zendeskUserId, String salesforceContactId) {
        return new io.tidings.customer.ExternalRefs(zendeskUserId, salesforceContactId, null);
    }

    private static CustomerInput input(String zendeskUserId) {
        return new CustomerInput().externalRefs(new ExternalRefs().zendeskUserId(zendeskUserId));
    }

    private static CustomerProfile profile(String zendeskUserId, String email, Set<String> segments) {
        return CustomerInputs.read(input(zendeskUserId)
                .email(email).phone("+12015550123").timeZone("America/New_York").locale("en-US")
                .segments(segments)).profileOrThrow();
    }
}
