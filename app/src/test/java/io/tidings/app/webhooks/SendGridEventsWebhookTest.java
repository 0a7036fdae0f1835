package io.tidings.app.webhooks;

import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.AddConfigSource;
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
import io.tidings.decision.Rule;
import io.tidings.dispatch.AcceptedSend;
import io.tidings.dispatch.ClaimedSend;
import io.tidings.dispatch.DecidedSends;
import io.tidings.dispatch.Outbox;
import io.tidings.ledger.ConsentLedger;
import io.tidings.notification.CustomerDecisions;
import io.tidings.notification.MessageRequest;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SendGrid's Event Webhook posted over HTTP as SendGrid posts it: a JSON array of events in the
 * documented shape, signed with an ECDSA P-256 key made here (SendGrid holds the private half;
 * Tidings is configured with the public one).
 */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:sendgrid-events;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AddConfig(key = "tidings.admin-key", value = "tdk_sendgrid_events_admin_key_0123456789")
@AddConfig(key = "tidings.dispatch.enabled", value = "false")
@AddConfig(key = "tidings.providers.in-app", value = "in-app")
@AddConfig(key = "tidings.inbox.poll-interval", value = "PT0S")
@AddConfig(key = "tidings.webhooks.dispatch-interval", value = "PT0S")
class SendGridEventsWebhookTest {

    private static final KeyPair SENDGRID = keyPair();
    private static final KeyPair STRANGER = keyPair();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    WebTarget server;
    @Inject
    Jdbi jdbi;
    @Inject
    CustomerStore customers;
    @Inject
    DecidedSends decidedSends;
    @Inject
    Outbox outbox;
    @Inject
    ConsentLedger ledger;
    @Inject
    CustomerDecisions decisions;

    private Customer customer;
    private String key;
    private String messageId;

    @AddConfigSource
    static ConfigSource verificationKey() {
        return MpConfigSources.create(Map.of("tidings.sendgrid.webhook-verification-key",
                Base64.getEncoder().encodeToString(SENDGRID.getPublic().getEncoded())));
    }

    @BeforeEach
    void anEmailWasSent() {
        Instant now = Instant.now();
        customer = new Customer(UUID.randomUUID(), new CustomerProfile(null, "amara." + UUID.randomUUID() + "@example.com",
                null, Locale.ENGLISH, ZoneOffset.UTC, null, null, null), now, now);
        customers.inTransaction(handle -> {
            customers.insert(handle, List.of(customer));
            return null;
        });
        String origin = "test:" + UUID.randomUUID();
        decidedSends.decideAndQueue(new MessageRequest(customer.id(), EventKind.TICKET_STATUS_CHANGED,
                Category.SERVICE_UPDATE, Set.of(Channel.EMAIL), "", now), Map.of("ticketId", "4711", "status", "solved"),
                origin);
        key = origin + ":email";
        messageId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        List<ClaimedSend> claimed = outbox.claimDue(100, Duration.ofMinutes(1));
        outbox.markAllSent(claimed.stream().map(send -> new AcceptedSend(send, "sendgrid",
                send.entry().idempotencyKey().equals(key) ? messageId : "other-" + send.id(), false)).toList());
    }

    @Test
    void deliveryEventsMoveTheStatusForwardOnly() throws Exception {
        HttpResponse<String> response = post(events(event("processed", ""), event("delivered", ",\"response\":\"250 OK\""),
                event("open", ",\"useragent\":\"Mozilla/5.0\",\"ip\":\"255.255.255.255\"")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"received\":3,\"applied\":3}");
        assertThat(deliveryStatus()).isEqualTo("READ");

        HttpResponse<String> late = post(events(event("delivered", ",\"response\":\"250 OK\"")));
        assertThat(late.body()).isEqualTo("{\"received\":1,\"applied\":0}");
        assertThat(deliveryStatus()).isEqualTo("READ");
    }

    @Test
    void anEventWithoutTheCustomArgumentIsMatchedByItsMessageId() throws Exception {
        String delivered = "{\"email\":\"" + customer.profile().email() + "\",\"timestamp\":1764150000,"
                + "\"event\":\"delivered\",\"sg_event_id\":\"" + UUID.randomUUID() + "\",\"sg_message_id\":\""
                + messageId + ".filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0\",\"response\":\"250 OK\"}";

        post("[" + delivered + "]");

        assertThat(deliveryStatus()).isEqualTo("DELIVERED");
    }

    @Test
    void aHardBounceMarksTheAddressAndLaterEmailDecisionsSuppressIt() throws Exception {
        post(events(event("bounce", ",\"reason\":\"550 5.1.1 The email account does not exist\",\"status\":\"5.1.1\","
                + "\"type\":\"bounce\",\"bounce_classification\":\"Invalid Address\"")));

        assertThat(deliveryStatus()).isEqualTo("UNDELIVERED");
        Decision email = emailDecision(Category.SERVICE_UPDATE);
        assertThat(email.outcome()).isEqualTo(Outcome.SUPPRESS);
        assertThat(email.trail().steps().getFirst().rule()).isEqualTo(Rule.CONTACT_POINT);
        assertThat(queued(key + ">in_app")).as("the message moves to the next allowed channel").isTrue();
    }

    @Test
    void aBlockedBounceDoesNotMarkTheAddress() throws Exception {
        post(events(event("bounce", ",\"reason\":\"421 Try again later\",\"status\":\"4.0.0\",\"type\":\"blocked\"")));

        assertThat(deliveryStatus()).isEqualTo("UNDELIVERED");
        assertThat(emailDecision(Category.SERVICE_UPDATE).outcome()).isEqualTo(Outcome.SEND);
        assertThat(queued(key + ">in_app")).as("a blocked bounce may pass: no fallback").isFalse();
    }

    private boolean queued(String sendKey) {
        return outbox.findByIdempotencyKey(sendKey).isPresent();
    }

    @Test
    void aSpamReportRevokesMarketingEmailConsentOnce() throws Exception {
        Instant before = Instant.now().minusSeconds(60);
        ledger.record(customer.id(), new ConsentStatement(ConsentPurpose.MARKETING, ConsentStatus.GRANTED,
                ConsentBasis.EXPLICIT, ChannelScope.of(Channel.EMAIL), before, before, null,
                ConsentSource.PREFERENCE_CENTRE, Evidence.none()));

        HttpResponse<String> response = post(events(event("spamreport", "")));
        post(events(event("unsubscribe", "")));

        assertThat(response.body()).isEqualTo("{\"received\":1,\"applied\":1}");
        List<ConsentRecord> feedback = ledger.records(customer.id()).stream()
                .filter(record -> record.statement().source() == ConsentSource.PROVIDER_FEEDBACK).toList();
        assertThat(feedback).singleElement().satisfies(record -> {
            assertThat(record.statement().purpose()).isEqualTo(ConsentPurpose.MARKETING);
            assertThat(record.statement().status()).isEqualTo(ConsentStatus.REVOKED);
            assertThat(record.statement().scope()).isEqualTo(ChannelScope.of(Channel.EMAIL));
        });
        assertThat(ledger.verify(customer.id()).isIntact()).isTrue();
    }

    @Test
    void aForgedOrAlteredDeliveryIsRefusedAndChangesNothing() throws Exception {
        String body = events(event("delivered", ",\"response\":\"250 OK\""));
        String timestamp = String.valueOf(Instant.now().getEpochSecond());

        assertRefused(send(body, sign(STRANGER.getPrivate(), timestamp, body), timestamp));
        assertRefused(send(body.replace("delivered", "open"), sign(SENDGRID.getPrivate(), timestamp, body), timestamp));
        assertRefused(send(body, sign(SENDGRID.getPrivate(), timestamp, body), String.valueOf(Long.parseLong(timestamp) + 1)));
        assertRefused(send(body, "bm90IGEgc2lnbmF0dXJl", timestamp));
        assertRefused(send(body, null, null));

        assertThat(deliveryStatus()).isNull();
    }

    @Test
    void aSignedBodyThatIsNotAnEventArrayIsABadRequest() throws Exception {
        for (String body : new String[] {"{\"event\":\"delivered\"}", "[{", "null"}) {
            HttpResponse<String> response = post(body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        }
    }

    private void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    }

    /** One event as SendGrid's documentation shows it, carrying the provider's custom argument. */
    private String event(String type, String extra) {
        return "{\"email\":\"" + customer.profile().email() + "\",\"timestamp\":1764150000,"
                + "\"smtp-id\":\"<14c5d75ce93.dfd.64b469@ismtpd-555>\",\"event\":\"" + type + "\","
                + "\"category\":[\"service_update\"],\"sg_event_id\":\"" + UUID.randomUUID() + "\","
                + "\"sg_message_id\":\"" + messageId + ".filter0001.16648.5515E0B88.0\","
                + "\"tidings_idempotency_key\":\"" + key + "\"" + extra + "}";
    }

    private static String events(String... events) {
        return "[" + String.join(",", events) + "]";
    }

    private HttpResponse<String> post(String body) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return send(body, sign(SENDGRID.getPrivate(), timestamp, body), timestamp);
    }

    private HttpResponse<String> send(String body, String signature, String timestamp) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getUri() + "/webhooks/sendgrid/events"))
                .header("Content-Type", "application/json")
                .header("User-Agent", "SendGrid Event API")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Email-Event-Webhook-Signature", signature);
        }
        if (timestamp != null) {
            request.header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As SendGrid signs: ECDSA with SHA-256 over the timestamp followed by the body, DER, base64. */
    private static String sign(PrivateKey key, String timestamp, String body) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private Decision emailDecision(Category category) {
        return decisions.explain(new MessageRequest(customer.id(), EventKind.TICKET_STATUS_CHANGED, category,
                Set.of(Channel.EMAIL), "", Instant.now())).decisions().decisions().stream()
                .filter(decision -> decision.channel() == Channel.EMAIL).findFirst().orElseThrow();
    }

    private String deliveryStatus() {
        return jdbi.withHandle(handle -> handle.createQuery("select delivery_status from outbox where idempotency_key = :key")
                .bind("key", key).mapTo(String.class).one());
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
