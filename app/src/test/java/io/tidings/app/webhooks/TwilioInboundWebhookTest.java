package io.tidings.app.webhooks;

import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
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
import io.tidings.decision.Decision;
import io.tidings.decision.EventKind;
import io.tidings.decision.Outcome;
import io.tidings.ledger.ConsentLedger;
import io.tidings.notification.CustomerDecisions;
import io.tidings.notification.MessageRequest;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.support.CustomerReply;
import io.tidings.support.SupportDesk;
import io.tidings.support.TicketReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages customers send to Tidings' Twilio number, posted as Twilio's incoming-message webhook posts them. */
@HelidonTest
@AddBean(TwilioInboundWebhookTest.RecordingDesk.class)
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:twilio-inbound;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AddConfig(key = "tidings.admin-key", value = "tdk_twilio_inbound_admin_key_0123456789")
@AddConfig(key = "tidings.twilio.auth-token", value = TwilioInboundWebhookTest.TOKEN)
@AddConfig(key = "tidings.public-base-url", value = "https://tidings.example.com")
@AddConfig(key = "tidings.sms.help-reply", value = "Example Co: reply with your question. Reply STOP to opt out.")
@AddConfig(key = "tidings.dispatch.enabled", value = "false")
@AddConfig(key = "tidings.inbox.poll-interval", value = "PT0S")
@AddConfig(key = "tidings.webhooks.dispatch-interval", value = "PT0S")
class TwilioInboundWebhookTest {

    static final String TOKEN = "twilio-inbound-test-auth-token";
    private static final String URL = "https://tidings.example.com/webhooks/twilio/inbound";
    private static final String OUR_NUMBER = "+15005550006";

    /** A help desk that remembers what it was given. */
    @ApplicationScoped
    public static class RecordingDesk implements SupportDesk {
        private final List<Map.Entry<UUID, CustomerReply>> replies = new CopyOnWriteArrayList<>();

        /** Read through a method: the test holds a client proxy, whose own fields are empty. */
        List<Map.Entry<UUID, CustomerReply>> replies() {
            return List.copyOf(replies);
        }

        @Override
        public String id() {
            return "recording";
        }

        @Override
        public TicketReference recordReply(Customer customer, CustomerReply reply) {
            replies.add(Map.entry(customer.id(), reply));
            return new TicketReference(id(), "35436", false);
        }
    }

    @Inject
    WebTarget server;
    @Inject
    Jdbi jdbi;
    @Inject
    CustomerStore customers;
    @Inject
    ConsentLedger ledger;
    @Inject
    CustomerDecisions decisions;
    @Inject
    RecordingDesk desk;

    private Customer customer;

    @BeforeEach
    void aCustomerWithAMobileNumber() {
        Instant now = Instant.now();
        customer = new Customer(UUID.randomUUID(), new CustomerProfile(null, null, uniquePhone(), Locale.ENGLISH,
                ZoneOffset.UTC, null, null, null), now, now);
        customers.inTransaction(handle -> {
            customers.insert(handle, List.of(customer));
            return null;
        });
    }

    @Test
    void stopRevokesSmsConsentConfirmsOnceAndLaterSmsDecisionsAreSuppressed() throws Exception {
        grantMarketingSms();
        assertThat(smsDecision(Category.SERVICE_UPDATE).outcome()).isEqualTo(Outcome.SEND);
        String sid = messageSid();

        HttpResponse<String> response = incoming(customer.profile().phone(), "STOP", sid);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).contains("xml"));
        assertThat(response.body()).contains("<Response><Message>You are unsubscribed")
                .containsOnlyOnce("<Message>");
        List<ConsentRecord> keyword = keywordRecords();
        assertThat(keyword).extracting(record -> record.statement().purpose())
                .containsExactlyInAnyOrder(ConsentPurpose.SERVICE_COMMUNICATIONS, ConsentPurpose.MARKETING);
        assertThat(keyword).allSatisfy(record -> {
            assertThat(record.statement().status()).isEqualTo(ConsentStatus.REVOKED);
            assertThat(record.statement().scope()).isEqualTo(ChannelScope.of(Channel.SMS));
            assertThat(record.statement().evidence().note()).contains(sid).contains("From sha256 ")
                    .doesNotContain(customer.profile().phone());
        });
        Decision later = smsDecision(Category.SERVICE_UPDATE);
        assertThat(later.outcome()).isEqualTo(Outcome.SUPPRESS);
        assertThat(later.trail().steps().getFirst().describe())
                .isEqualTo("consent: service-communications on SMS REVOKED (ledger #2) → suppress");
        assertThat(desk.replies()).noneMatch(reply -> reply.getKey().equals(customer.id()));
    }

    @Test
    void startGrantsAgainWhatStopRevoked() throws Exception {
        grantMarketingSms();
        incoming(customer.profile().phone(), "Stop", messageSid());

        HttpResponse<String> response = incoming(customer.profile().phone(), "unstop", messageSid());

        assertThat(response.body()).contains("<Message>You are subscribed again.");
        assertThat(keywordRecords()).extracting(record -> record.statement().status())
                .containsExactly(ConsentStatus.REVOKED, ConsentStatus.REVOKED, ConsentStatus.GRANTED, ConsentStatus.GRANTED);
        assertThat(smsDecision(Category.SERVICE_UPDATE).outcome()).isEqualTo(Outcome.SEND);
        assertThat(smsDecision(Category.PROMOTIONAL).trail().steps().getFirst().verdict().name()).isEqualTo("PASS");
    }

    @Test
    void startDoesNotGrantMarketingThatWasNeverGiven() throws Exception {
        incoming(customer.profile().phone(), "quit", messageSid());
        incoming(customer.profile().phone(), "START", messageSid());

        assertThat(keywordRecords()).extracting(record -> record.statement().purpose() + " " + record.statement().status())
                .containsExactly("SERVICE_COMMUNICATIONS REVOKED", "SERVICE_COMMUNICATIONS GRANTED");
    }

    @Test
    void everyStopSynonymInAnyCaseAndSpacingOptsOutAndARepeatAddsNothing() throws Exception {
        for (String word : List.of(" stopall ", "Unsubscribe", "CANCEL", "end\n", "QuIt", "stop")) {
            HttpResponse<String> response = incoming(customer.profile().phone(), word, messageSid());
            assertThat(response.body()).as(word).contains("<Message>You are unsubscribed");
        }
        assertThat(keywordRecords()).as("only the first opt-out writes; the rest find it revoked").hasSize(1);
    }

    @Test
    void helpIsAnsweredWithTheConfiguredText() throws Exception {
        HttpResponse<String> response = incoming(customer.profile().phone(), "help", messageSid());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Message>Example Co: reply with your question. Reply STOP to opt out.</Message>");
        assertThat(keywordRecords()).isEmpty();
    }

    @Test
    void anyOtherReplyGoesToTheSupportDesk() throws Exception {
        String sid = messageSid();

        HttpResponse<String> response = incoming(customer.profile().phone(), "My internet is still down, please call me",
                sid);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("<Message>");
        assertThat(desk.replies()).anySatisfy(reply -> {
            assertThat(reply.getKey()).isEqualTo(customer.id());
            assertThat(reply.getValue().body()).isEqualTo("My internet is still down, please call me");
            assertThat(reply.getValue().channel()).isEqualTo(Channel.SMS);
            assertThat(reply.getValue().providerMessageId()).isEqualTo(sid);
        });
        assertThat(keywordRecords()).isEmpty();
    }

    @Test
    void anUnknownSenderGetsAnEmptyAnswerAndIsRecorded() throws Exception {
        String sid = messageSid();

        HttpResponse<String> response = incoming(uniquePhone(), "STOP", sid);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Response/>").doesNotContain("<Message>");
        Map<String, Object> row = jdbi.withHandle(handle -> handle.createQuery("select * from customer_reply "
                + "where provider_message_id = :sid").bind("sid", sid).mapToMap().one());
        assertThat(row).containsEntry("status", "UNKNOWN_SENDER").containsEntry("customer_id", null)
                .containsEntry("body", null);
        assertThat((String) row.get("sender_digest")).hasSize(64);
    }

    @Test
    void aForgedSignatureIsRefusedAndChangesNothing() throws Exception {
        Map<String, String> parameters = parameters(customer.profile().phone(), "STOP", messageSid());

        HttpResponse<String> response = TwilioSigning.post(server.getUri(), "/webhooks/twilio/inbound", parameters,
                TwilioSigning.signature("guessed-token", URL, parameters));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(ledger.records(customer.id())).isEmpty();
    }

    private HttpResponse<String> incoming(String from, String body, String sid) throws Exception {
        Map<String, String> parameters = parameters(from, body, sid);
        return TwilioSigning.post(server.getUri(), "/webhooks/twilio/inbound", parameters,
                TwilioSigning.signature(TOKEN, URL, parameters));
    }

    /** The parameters of Twilio's incoming-message webhook, as its documentation lists them. */
    private static Map<String, String> parameters(String from, String body, String sid) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("ToCountry", "US");
        parameters.put("ToState", "CA");
        parameters.put("SmsMessageSid", sid);
        parameters.put("NumMedia", "0");
        parameters.put("ToCity", "");
        parameters.put("FromZip", "");
        parameters.put("SmsSid", sid);
        parameters.put("FromState", "");
        parameters.put("SmsStatus", "received");
        parameters.put("FromCity", "");
        parameters.put("Body", body);
        parameters.put("FromCountry", "DE");
        parameters.put("To", OUR_NUMBER);
        parameters.put("ToZip", "");
        parameters.put("NumSegments", "1");
        parameters.put("MessageSid", sid);
        parameters.put("AccountSid", "AC" + "0123456789abcdef".repeat(2));
        parameters.put("From", from);
        parameters.put("ApiVersion", "2010-04-01");
        return parameters;
    }

    private void grantMarketingSms() {
        Instant now = Instant.now().minusSeconds(60);
        ledger.record(customer.id(), new ConsentStatement(ConsentPurpose.MARKETING, ConsentStatus.GRANTED,
                ConsentBasis.EXPLICIT, ChannelScope.of(Channel.SMS), now, now, null, ConsentSource.PREFERENCE_CENTRE,
                Evidence.none()));
    }

    private List<ConsentRecord> keywordRecords() {
        return ledger.records(customer.id()).stream()
                .filter(record -> record.statement().source() == ConsentSource.SMS_KEYWORD).toList();
    }

    private Decision smsDecision(Category category) {
        return decisions.explain(new MessageRequest(customer.id(), EventKind.TICKET_STATUS_CHANGED, category,
                Set.of(Channel.SMS), "", Instant.now().plusSeconds(1))).decisions().decisions().stream()
                .filter(decision -> decision.channel() == Channel.SMS).findFirst().orElseThrow();
    }

    private static String messageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String uniquePhone() {
        return "+4915112" + String.format("%06d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000));
    }
}
