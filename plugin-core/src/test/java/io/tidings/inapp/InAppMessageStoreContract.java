package io.tidings.inapp;

import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.persistence.Database;
import io.tidings.preference.Category;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the in-app message store must do on every supported database. */
abstract class InAppMessageStoreContract {

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private Database database;
    private InAppMessageStore store;
    private UUID customer;

    InAppMessageStoreContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
        CustomerStore customers = new CustomerStore(database.jdbi());
        store = new InAppMessageStore(database.jdbi(), customers, clock);
        customer = new Customers(customers, clock).create(CustomerProfile.EMPTY).id();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void storingTheSameSendTwiceKeepsOneMessage() {
        InAppMessage first = store.store(message("send-1", "Ticket 4711: solved")).orElseThrow();
        InAppMessage again = store.store(message("send-1", "Ticket 4711: solved")).orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(store.all(customer)).containsExactly(first);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.readAt()).isNull();
    }

    @Test
    void nothingIsStoredForACustomerWhoDoesNotExist() {
        assertThat(store.store(new NewInAppMessage(UUID.randomUUID(), "send-x", Category.TRANSACTIONAL, null,
                "hello"))).isEmpty();
    }

    @Test
    void pagesRunNewestFirstAndTheUnreadFilterSkipsReadOnes() {
        List<InAppMessage> stored = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> store.store(message("send-" + i, "message " + i)).orElseThrow())
                .toList();
        store.markRead(customer, stored.get(3).id());

        List<InAppMessage> firstPage = store.page(customer, null, 2, false);
        List<InAppMessage> secondPage = store.page(customer, firstPage.getLast().id(), 2, false);
        assertThat(firstPage).extracting(InAppMessage::body).containsExactly("message 5", "message 4");
        assertThat(secondPage).extracting(InAppMessage::body).containsExactly("message 3", "message 2");
        assertThat(store.page(customer, null, 10, true)).extracting(InAppMessage::body)
                .containsExactly("message 5", "message 3", "message 2", "message 1");
    }

    @Test
    void markingReadKeepsTheFirstTime() {
        InAppMessage message = store.store(message("send-1", "hello")).orElseThrow();
        Instant firstRead = clock.instant();

        assertThat(store.markRead(customer, message.id()).orElseThrow().readAt()).isEqualTo(firstRead);
        clock.advance(Duration.ofMinutes(5));
        assertThat(store.markRead(customer, message.id()).orElseThrow().readAt()).isEqualTo(firstRead);
        assertThat(store.markRead(UUID.randomUUID(), message.id())).isEmpty();
    }

    @Test
    void messagesStoredAtOnceGetDistinctSequenceNumbersInOrder() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = IntStream.range(0, 20)
                    .mapToObj(i -> writers.submit(() -> store.store(message("parallel-" + i, "m" + i))))
                    .<Future<?>>map(future -> future)
                    .toList();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            writers.shutdownNow();
        }

        assertThat(store.latestSequence(customer)).isEqualTo(20);
        assertThat(store.after(customer, 15, 100)).extracting(InAppMessage::sequence).containsExactly(16L, 17L, 18L,
                19L, 20L);
    }

    private NewInAppMessage message(String key, String body) {
        return new NewInAppMessage(customer, key, Category.SERVICE_UPDATE, "Update", body);
    }
}
