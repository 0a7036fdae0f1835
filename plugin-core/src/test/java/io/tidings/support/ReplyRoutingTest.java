package io.tidings.support;

import io.tidings.customer.Customer;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.persistence.Database;
import io.tidings.preference.Channel;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer's reply reaches the help desk, or stays in Tidings when there is none or it fails. */
class ReplyRoutingTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30Z"));
    private Database database;
    private StoredReplies stored;
    private Customer customer;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.H2.open();
        stored = new StoredReplies(database.jdbi(), clock);
        customer = new Customers(new CustomerStore(database.jdbi()), clock).create(new CustomerProfile(null, null,
                "+12015550123", null, null, null, null, null));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void withoutADeskTheReplyIsKeptOnceInTidings() {
        ReplyRouting routing = new ReplyRouting(Optional.empty(), stored);

        ReplyRouting.Routed routed = routing.route(customer, reply("SM1"), "+12015550123");
        routing.route(customer, reply("SM1"), "+12015550123");

        assertThat(routed.stored()).isTrue();
        assertThat(stored.forCustomer(customer.id())).singleElement().satisfies(reply -> {
            assertThat(reply.body()).isEqualTo("Is the outage over?");
            assertThat(reply.providerMessageId()).isEqualTo("SM1");
            assertThat(reply.status()).isEqualTo("STORED");
            assertThat(reply.senderDigest()).hasSize(64).doesNotContain("2015550123");
        });
    }

    @Test
    void aDeskTakesTheReplyAndTidingsKeepsNothing() {
        SupportDesk desk = new SupportDesk() {
            @Override
            public String id() {
                return "desk";
            }

            @Override
            public TicketReference recordReply(Customer who, CustomerReply reply) {
                return new TicketReference("desk", "42", true);
            }
        };

        ReplyRouting.Routed routed = new ReplyRouting(Optional.of(desk), stored).route(customer, reply("SM2"), "+12015550123");

        assertThat(routed.ticket()).contains(new TicketReference("desk", "42", true));
        assertThat(stored.forCustomer(customer.id())).isEmpty();
    }

    @Test
    void aFailingDeskLeavesTheReplyInTidings() {
        SupportDesk failing = new SupportDesk() {
            @Override
            public String id() {
                return "down";
            }

            @Override
            public TicketReference recordReply(Customer who, CustomerReply reply) {
                throw new IllegalStateException("503 from the desk");
            }
        };

        ReplyRouting.Routed routed = new ReplyRouting(Optional.of(failing), stored).route(customer, reply("SM3"),
                "+12015550123");

        assertThat(routed.stored()).isTrue();
        assertThat(stored.forCustomer(customer.id())).extracting(StoredReplies.StoredReply::providerMessageId)
                .containsExactly("SM3");
    }

    private CustomerReply reply(String sid) {
        return new CustomerReply(Channel.SMS, "Is the outage over?", clock.instant(), sid);
    }
}
