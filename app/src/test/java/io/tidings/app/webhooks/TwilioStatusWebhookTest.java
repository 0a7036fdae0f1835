package io.tidings.app.webhooks;

import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.tidings.customer.Customer;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.decision.EventKind;
import io.tidings.decision.Outcome;
import io.tidings.decision.Rule;
import io.tidings.dispatch.AcceptedSend;
import io.tidings.dispatch.ClaimedSend;
import io.tidings.dispatch.DecidedSends;
import io.tidings.dispatch.Outbox;
import io.tidings.notification.CustomerDecisions;
import io.tidings.notification.Explanation;
import io.tidings.notification.MessageRequest;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.webhooks.outbound.WebhookEndpoints;
import io.tidings.webhooks.outbound.WebhookEventType;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.generic.GenericType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twilio status callbacks posted over HTTP as Twilio sends them (the parameters of Twilio's
 * documented message and call status callbacks), signed for the public URL behind a proxy.
 */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:twilio-status;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AddConfig(key = "tidings.admin-key", value = TwilioStatusWebhookTest.ADMIN_KEY)
@AddConfig(key = "tidings.twilio.auth-token", value = TwilioStatusWebhookTest.TOKEN)
@AddConfig(key = "tidings.public-base-url", value = TwilioStatusWebhookTest.PUBLIC_URL)
@AddConfig(key = "tidings.dispatch.enabled", value = "false")
@AddConfig(key = "tidings.providers.in-app", value = "in-app")
@AddConfig(key = "tidings.inbox.poll-interval", value = "PT0S")
@AddConfig(key = "tidings.webhooks.dispatch-interval", value = "PT0S")
@AddConfig(key = "tidings.webhooks.allow-private-addresses", value = "true")
class TwilioStatusWebhookTest {

    static final String ADMIN_KEY = "tdk_twilio_status_admin_key_0123456789";
    static final String TOKEN = "twilio-status-test-auth-token";
    static final String PUBLIC_URL = "https://tidings.example.com/";
    private static final String ACCOUNT = "AC" + "0123456789abcdef".repeat(2);
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
    CustomerDecisions decisions;
    @Inject
    WebhookEndpoints endpoints;

    private Customer customer;
    private String key;
    private String sid;

    @BeforeEach
    void anSmsWasSent() {
        Instant now = Instant.now();
        String phone = "+4915112" + String.format("%06d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000));
        customer = new Customer(UUID.randomUUID(), new CustomerProfile(null, null, phone, Locale.ENGLISH, ZoneOffset.UTC,
                null, null, null), now, now);
        customers.inTransaction(handle -> {
            customers.insert(handle, List.of(customer));
            return null;
        });
        String origin = "test:" + UUID.randomUUID();
        decidedSends.decideAndQueue(new MessageRequest(customer.id(), EventKind.TICKET_STATUS_CHANGED,
                Category.SERVICE_UPDATE, Set.of(Channel.SMS), "", now), Map.of("ticketId", "4711", "status", "solved"),
                origin);
        key = origin + ":sms";
        sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        List<ClaimedSend> claimed = outbox.claimDue(100, Duration.ofMinutes(1));
        outbox.markAllSent(claimed.stream().map(send -> new AcceptedSend(send, "twilio-sms",
                send.entry().idempotencyKey().equals(key) ? sid : "SM-other-" + send.id(), false)).toList());
    }

    @Test
    void aDeliveredCallbackUpdatesTheSendAndTheNotificationLog() throws Exception {
        HttpResponse<String> response = callback(statusParameters("delivered", null));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(deliveryStatus()).isEqualTo("DELIVERED");
        HttpResponse<String> log = HTTP.send(HttpRequest.newBuilder(URI.create(server.getUri() + "/api/v1/customers/"
                + customer.id() + "/notifications")).header("Authorization", "Bearer " + ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(log.body()).contains("\"channel\":\"SMS\"").contains("\"deliveryStatus\":\"DELIVERED\"");
    }

    @Test
    void callbacksArrivingOutOfOrderNeverMoveTheStatusBack() throws Exception {
        callback(statusParameters("delivered", null));
        callback(statusParameters("sent", null));
        callback(statusParameters("queued", null));
        assertThat(deliveryStatus()).isEqualTo("DELIVERED");

        callback(statusParameters("read", null));
        callback(statusParameters("delivered", null));
        assertThat(deliveryStatus()).isEqualTo("READ");
    }

    @Test
    void aCallbackWithoutTheSendParameterIsMatchedByItsSid() throws Exception {
        Map<String, String> parameters = statusParameters("sent", null);
        String signature = TwilioSigning.signature(TOKEN, "https://tidings.example.com/webhooks/twilio/status", parameters);

        HttpResponse<String> response = TwilioSigning.post(server.getUri(), "/webhooks/twilio/status", parameters, signature);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(deliveryStatus()).isEqualTo("SENT");
    }

    @Test
    void aStatusChangeIsPublishedToSubscribedIntegrators() throws Exception {
        UUID endpoint = endpoints.create("http://127.0.0.1:9/hooks", "status test",
                Set.of(WebhookEventType.NOTIFICATION_STATUS_CHANGED)).endpoint().id();
        try {
            callback(statusParameters("sent", null));
            callback(statusParameters("sent", null));

            List<String> payloads = jdbi.withHandle(handle -> handle.createQuery("select payload from webhook_message "
                    + "where endpoint_id = :id and event_type = 'notification.status_changed'").bind("id", endpoint)
                    .mapTo(String.class).list());
            assertThat(payloads).as("the repeated callback changed nothing, so it is not published").hasSize(1);
            assertThat(payloads.getFirst()).contains("\"customerId\":\"" + customer.id() + "\"")
                    .contains("\"status\":\"SENT\"").contains("\"channel\":\"SMS\"")
                    .doesNotContain(customer.profile().phone());
        } finally {
            endpoints.delete(endpoint);
        }
    }

    @Test
    void anInvalidNumberMarksTheContactPointAndLaterSmsDecisionsSuppressIt() throws Exception {
        callback(statusParameters("undelivered", "30006"));

        assertThat(deliveryStatus()).isEqualTo("UNDELIVERED");
        Explanation explanation = decisions.explain(new MessageRequest(customer.id(), EventKind.TICKET_STATUS_CHANGED,
                Category.SERVICE_UPDATE, Set.of(Channel.SMS, Channel.EMAIL), "", Instant.now()));
        var sms = explanation.decisions().decisions().stream().filter(d -> d.channel() == Channel.SMS).findFirst()
                .orElseThrow();
        assertThat(sms.outcome()).isEqualTo(Outcome.SUPPRESS);
        assertThat(sms.trail().steps().getFirst().rule()).isEqualTo(Rule.CONTACT_POINT);
    }

    @Test
    void anUndeliveredCallbackForGoodMovesTheMessageToTheNextAllowedChannelOnce() throws Exception {
        assertThat(callback(statusParameters("undelivered", "30005")).statusCode()).isEqualTo(204);
        assertThat(callback(statusParameters("undelivered", "30005")).statusCode()).as("Twilio repeats callbacks")
                .isEqualTo(204);

        assertThat(sendsOfTheMessage()).containsOnlyKeys(key, key + ">in_app");
        assertThat(sendsOfTheMessage().get(key + ">in_app")).as("queued for the dispatcher").isEqualTo("QUEUED");
        assertThat(sendsOfTheMessage().get(key)).as("the SMS went out; its delivery failed").isEqualTo("SENT");
        List<String> fallbacks = jdbi.withHandle(handle -> handle.createQuery("select channel from notification_log "
                + "where customer_id = :id and trail like '%delivery-fallback%'").bind("id", customer.id())
                .mapTo(String.class).list());
        assertThat(fallbacks).containsExactly("IN_APP");
    }

    @Test
    void aFailedCallbackThatMayPassDoesNotMoveTheMessage() throws Exception {
        callback(statusParameters("failed", "30017"));

        assertThat(deliveryStatus()).isEqualTo("FAILED");
        assertThat(sendsOfTheMessage()).containsOnlyKeys(key);
    }

    @Test
    void aFailureReportedAfterDeliveryDoesNotMoveTheMessage() throws Exception {
        callback(statusParameters("delivered", null));
        callback(statusParameters("undelivered", "30005"));

        assertThat(deliveryStatus()).isEqualTo("DELIVERED");
        assertThat(sendsOfTheMessage()).containsOnlyKeys(key);
    }

    @Test
    void aPassingHandsetErrorDoesNotMarkTheContactPoint() throws Exception {
        callback(statusParameters("undelivered", "30003"));

        assertThat(deliveryStatus()).isEqualTo("UNDELIVERED");
        long marks = jdbi.withHandle(handle -> handle.createQuery("select count(*) from unreachable_contact_point "
                + "where customer_id = :id").bind("id", customer.id()).mapTo(Long.class).one());
        assertThat(marks).isZero();
    }

    @Test
    void aCallStatusCallbackIsApplied() throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("AccountSid", ACCOUNT);
        parameters.put("ApiVersion", "2010-04-01");
        parameters.put("CallSid", sid);
        parameters.put("CallStatus", "completed");
        parameters.put("CallDuration", "12");
        parameters.put("Direction", "outbound-api");
        parameters.put("From", "+15005550006");
        parameters.put("To", customer.profile().phone());

        assertThat(callback(parameters).statusCode()).isEqualTo(204);
        assertThat(deliveryStatus()).isEqualTo("DELIVERED");
    }

    @Test
    void aForgedSignatureIsRefusedAndChangesNothing() throws Exception {
        Map<String, String> parameters = statusParameters("delivered", null);
        String path = "/webhooks/twilio/status?send=" + URLEncoder.encode(key, StandardCharsets.UTF_8);

        assertRefused(TwilioSigning.post(server.getUri(), path, parameters,
                TwilioSigning.signature("guessed-token", PUBLIC_URL.replaceAll("/$", "") + path, parameters)));
        assertRefused(TwilioSigning.post(server.getUri(), path, parameters, null));
        // Signed for the URL the server sees rather than the public one Twilio calls.
        assertRefused(TwilioSigning.post(server.getUri(), path, parameters,
                TwilioSigning.signature(TOKEN, server.getUri().toString().replaceAll("/$", "") + path, parameters)));
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.put("MessageStatus", "failed");
        assertRefused(TwilioSigning.post(server.getUri(), path, changed,
                TwilioSigning.signature(TOKEN, PUBLIC_URL.replaceAll("/$", "") + path, parameters)));

        assertThat(deliveryStatus()).isNull();
    }

    private void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain(TOKEN);
    }

    /** The parameters of Twilio's message status callback, as its documentation lists them. */
    private Map<String, String> statusParameters(String status, String errorCode) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("AccountSid", ACCOUNT);
        parameters.put("ApiVersion", "2010-04-01");
        parameters.put("From", "+15005550006");
        parameters.put("MessageSid", sid);
        parameters.put("MessageStatus", status);
        parameters.put("SmsSid", sid);
        parameters.put("SmsStatus", status);
        parameters.put("To", customer.profile().phone());
        if (errorCode != null) {
            parameters.put("ErrorCode", errorCode);
        }
        if (status.equals("delivered")) {
            parameters.put("RawDlrDoneDate", "2611221015");
        }
        return parameters;
    }

    /** Posts the callback to the URL Tidings asks Twilio to call, signed as Twilio signs it. */
    private HttpResponse<String> callback(Map<String, String> parameters) throws Exception {
        String path = "/webhooks/twilio/status?send=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        String signature = TwilioSigning.signature(TOKEN, PUBLIC_URL.replaceAll("/$", "") + path, parameters);
        return TwilioSigning.post(server.getUri(), path, parameters, signature);
    }

    /** The outbox status of each send of the SMS's message, by idempotency key. */
    private Map<String, String> sendsOfTheMessage() {
        return jdbi.withHandle(handle -> handle.createQuery("select idempotency_key, status from outbox where "
                        + "message_id = (select message_id from outbox where idempotency_key = :key)")
                .bind("key", key)
                .setMapKeyColumn("idempotency_key").setMapValueColumn("status")
                .collectInto(new GenericType<Map<String, String>>() { }));
    }

    private String deliveryStatus() {
        return jdbi.withHandle(handle -> handle.createQuery("select delivery_status from outbox where idempotency_key = :key")
                .bind("key", key).mapTo(String.class).one());
    }
}
