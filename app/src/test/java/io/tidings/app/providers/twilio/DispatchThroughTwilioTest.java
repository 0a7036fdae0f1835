package io.tidings.app.providers.twilio;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.tidings.customer.Customer;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.decision.EventKind;
import io.tidings.dispatch.Outbox;
import io.tidings.dispatch.OutboxEntry;
import io.tidings.dispatch.OutboxRecord;
import io.tidings.dispatch.OutboxStatus;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.testing.FinishedSends;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The running server: its dispatch worker sends a queued SMS through the provider configuration selects. */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:dispatch-twilio;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AddConfig(key = "tidings.admin-key", value = "tdk_dispatch_test_admin_key_0123456789")
@AddConfig(key = "tidings.providers.sms", value = "twilio-sms")
@AddConfig(key = "tidings.dispatch.poll-interval", value = "PT0.2S")
@AddConfig(key = "tidings.dispatch.rate-limit.twilio-sms", value = "5")
class DispatchThroughTwilioTest {

    private static final WireMockServer TWILIO = started();

    @Inject
    Outbox outbox;
    @Inject
    CustomerStore customers;

    @AddConfigSource
    static ConfigSource twilioAccount() {
        return MpConfigSources.create(Map.of(
                "tidings.twilio.base-url", TWILIO.baseUrl(),
                "tidings.twilio.account-sid", "AC" + "0123456789abcdef".repeat(2),
                "tidings.twilio.auth-token", "dispatch-test-token",
                "tidings.twilio.from", "+15005550006"));
    }

    @AfterAll
    static void stop() {
        TWILIO.stop();
    }

    @Test
    void aQueuedSmsIsRenderedAndSentThroughTwilio() throws InterruptedException {
        Instant now = Instant.now();
        Customer customer = new Customer(UUID.randomUUID(), new CustomerProfile(null, null, "+4915112345678",
                Locale.ENGLISH, null, null, null, null), now, now);
        customers.inTransaction(handle -> {
            customers.insert(handle, List.of(customer));
            return null;
        });

        outbox.enqueue(new OutboxEntry(UUID.randomUUID(), null, customer.id(), EventKind.TICKET_STATUS_CHANGED,
                Category.TRANSACTIONAL, Channel.SMS, Map.of("ticketId", "4711", "status", "solved"), "e2e-sms-1", now));

        OutboxRecord record = FinishedSends.await(outbox, "e2e-sms-1");
        assertThat(record.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(record.providerId()).isEqualTo("twilio-sms");
        assertThat(record.providerMessageId()).isEqualTo("SM" + "fedcba9876543210".repeat(2));
        Map<String, String> form = TwilioSpecification.form(TWILIO.findAll(anyRequestedFor(anyUrl())).getFirst());
        assertThat(form.get("Body")).isEqualTo("Your ticket 4711 is now solved.\n\n"
                + "Manage your notifications: http://localhost:8080/preferences");
        TwilioSpecification.assertAllValid(TWILIO.findAll(anyRequestedFor(anyUrl())));
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(urlPathMatching("/2010-04-01/Accounts/AC[0-9a-f]{32}/Messages\\.json"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM" + "fedcba9876543210".repeat(2) + "\", \"status\": \"queued\"}")));
        return server;
    }
}
