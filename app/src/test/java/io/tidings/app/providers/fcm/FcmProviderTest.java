package io.tidings.app.providers.fcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tidings.app.demo.ThrowawayServiceAccount;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.dispatch.OutboundMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.http.JsonMapping;
import io.tidings.persistence.Database;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.push.DevicePlatform;
import io.tidings.push.DeviceToken;
import io.tidings.push.DeviceTokenStore;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The FCM provider against WireMock fakes of Google's token endpoint and the FCM HTTP v1 API. */
class FcmProviderTest {

    private static final String PROJECT = "tidings-test";
    private static final String SEND_PATH = "/v1/projects/" + PROJECT + "/messages:send";
    private static final String MESSAGE_NAME = "projects/" + PROJECT + "/messages/0:1500415314455276%31bd1c9631bd1c96";
    private static final ThrowawayServiceAccount ACCOUNT = ThrowawayServiceAccount.generate(PROJECT,
            URI.create("https://oauth2.googleapis.com/token"));

    @RegisterExtension
    static final WireMockExtension google = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private Database database;
    private DeviceTokenStore deviceTokens;
    private UUID customer;
    private FcmProvider provider;

    @BeforeEach
    void setUp() {
        database = TestDatabase.H2.open();
        CustomerStore customers = new CustomerStore(database.jdbi());
        deviceTokens = new DeviceTokenStore(database.jdbi(), customers, clock);
        customer = new Customers(customers, clock).create(CustomerProfile.EMPTY).id();
        provider = new FcmProvider(Optional.of(new FcmSettings(ServiceAccount.fromJson(ACCOUNT.json()),
                URI.create(google.baseUrl()), tokenUrl())), deviceTokens, clock);
        answerTokenRequests("ya29.first-token");
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aNotificationGoesOutWithAnAccessTokenObtainedByASignedAssertion() throws Exception {
        deviceTokens.register(customer, "device-token-1", DevicePlatform.ANDROID);
        answerSends(200, "{\"name\": \"" + MESSAGE_NAME + "\"}");

        SendResult result = provider.send(message());

        assertThat(result).isEqualTo(new SendResult.Accepted(MESSAGE_NAME));
        LoggedRequest send = google.findAll(postRequestedFor(urlPathEqualTo(SEND_PATH))).getFirst();
        assertThat(send.getHeader("Authorization")).isEqualTo("Bearer ya29.first-token");
        JsonNode body = JsonMapping.MAPPER.readTree(send.getBodyAsString());
        assertThat(body.at("/message/token").asText()).isEqualTo("device-token-1");
        assertThat(body.at("/message/notification/title").asText()).isEqualTo("Ticket 4711: solved");
        assertThat(body.at("/message/notification/body").asText()).isEqualTo("Your ticket 4711 is now solved.");
        assertThat(body.at("/message/data/tidings_idempotency_key").asText()).isEqualTo("inbox:42:push");

        Map<String, String> form = form(google.findAll(postRequestedFor(urlPathEqualTo("/token"))).getFirst());
        assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
        String[] jwt = form.get("assertion").split("\\.");
        assertThat(jwt).hasSize(3);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(ACCOUNT.publicKey());
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))).as("signed with the account's key").isTrue();
        JsonNode header = JsonMapping.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("kid").asText()).isEqualTo("throwaway-key");
        JsonNode claims = JsonMapping.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.path("iss").asText()).isEqualTo(ThrowawayServiceAccount.CLIENT_EMAIL);
        assertThat(claims.path("scope").asText()).isEqualTo("https://www.googleapis.com/auth/firebase.messaging");
        assertThat(claims.path("aud").asText()).isEqualTo(tokenUrl().toString());
        assertThat(claims.path("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);
    }

    @Test
    void theAccessTokenIsReusedUntilShortlyBeforeItExpires() {
        deviceTokens.register(customer, "device-token-1", DevicePlatform.ANDROID);
        answerSends(200, "{\"name\": \"" + MESSAGE_NAME + "\"}");

        provider.send(message());
        clock.advance(Duration.ofSeconds(3599).minus(AccessTokens.RENEW_BEFORE_EXPIRY).minusSeconds(1));
        provider.send(message());
        assertThat(google.findAll(postRequestedFor(urlPathEqualTo("/token")))).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        provider.send(message());
        assertThat(google.findAll(postRequestedFor(urlPathEqualTo("/token")))).hasSize(2);
    }

    @Test
    void anUnregisteredTokenIsForgottenWhileTheCustomersOtherDeviceGetsTheMessage() {
        deviceTokens.register(customer, "uninstalled-app", DevicePlatform.IOS);
        DeviceToken phone = deviceTokens.register(customer, "phone", DevicePlatform.ANDROID).token();
        answerSends(200, "{\"name\": \"" + MESSAGE_NAME + "\"}");
        google.stubFor(post(urlPathEqualTo(SEND_PATH)).withRequestBody(matchingJsonPath("$.message.token",
                        equalTo("uninstalled-app")))
                .willReturn(json(404, fcmError(404, "NOT_FOUND", "UNREGISTERED"))));

        assertThat(provider.send(message())).isEqualTo(new SendResult.Accepted(MESSAGE_NAME));
        assertThat(deviceTokens.tokens(customer)).containsExactly(phone);
    }

    @Test
    void anInvalidTokenIsForgottenAndWithoutOtherDevicesTheSendFailsForGood() {
        deviceTokens.register(customer, "garbled", DevicePlatform.ANDROID);
        // FCM's documented answer to a registration token that is not valid.
        answerSends(400, fcmError(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT"));

        assertThat(provider.send(message())).isInstanceOf(SendResult.PermanentFailure.class);
        assertThat(deviceTokens.tokens(customer)).isEmpty();
    }

    @Test
    void aTokenOfAnotherSenderIsForgotten() {
        deviceTokens.register(customer, "other-project", DevicePlatform.WEB);
        answerSends(403, fcmError(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH"));

        assertThat(provider.send(message())).isInstanceOf(SendResult.PermanentFailure.class);
        assertThat(deviceTokens.tokens(customer)).isEmpty();
    }

    @Test
    void aMessageFcmRefusesFailsForGoodButKeepsTheToken() {
        deviceTokens.register(customer, "device-token-1", DevicePlatform.ANDROID);
        // FCM's documented answer to an invalid value in the message's data.
        answerSends(400, """
                {"error": {"code": 400, "message": "Invalid value at 'message.data[0].value' (TYPE_STRING), 12",
                  "status": "INVALID_ARGUMENT", "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest",
                  "fieldViolations": [{"field": "message.data[0].value",
                  "description": "Invalid value at 'message.data[0].value' (TYPE_STRING), 12"}]}]}}""");

        assertThat(provider.send(message()))
                .isEqualTo(new SendResult.PermanentFailure("FCM: [message rejected: INVALID_ARGUMENT]"));
        assertThat(deviceTokens.tokens(customer)).hasSize(1);
    }

    @Test
    void quotaExceededIsRetriedNoSoonerThanFcmAsks() {
        deviceTokens.register(customer, "device-token-1", DevicePlatform.ANDROID);
        google.stubFor(post(urlPathEqualTo(SEND_PATH)).willReturn(json(429,
                fcmError(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED")).withHeader("Retry-After", "120")));

        assertThat(provider.send(message()))
                .isEqualTo(new SendResult.RetryableFailure("FCM: [QUOTA_EXCEEDED]", Duration.ofSeconds(120)));
        assertThat(deviceTokens.tokens(customer)).hasSize(1);
    }

    @Test
    void unavailableAndInternalAreRetried() {
        deviceTokens.register(customer, "device-token-1", DevicePlatform.ANDROID);
        answerSends(503, fcmError(503, "UNAVAILABLE", "UNAVAILABLE"));
        assertThat(provider.send(message())).isEqualTo(new SendResult.RetryableFailure("FCM: [UNAVAILABLE]"));

        answerSends(500, fcmError(500, "INTERNAL", "INTERNAL"));
        assertThat(provider.send(message())).isEqualTo(new SendResult.RetryableFailure("FCM: [INTERNAL]"));
        assertThat(deviceTokens.tokens(customer)).hasSize(1);
    }

    @Test
    void aRefusedAccessTokenIsReplacedOnTheNextSend() {
        deviceTokens.register(customer, "device-token-1", DevicePlatform.ANDROID);
        answerSends(401, """
                {"error": {"code": 401, "message": "Request had invalid authentication credentials.",
                  "status": "UNAUTHENTICATED"}}""");

        assertThat(provider.send(message())).isInstanceOf(SendResult.RetryableFailure.class);
        answerTokenRequests("ya29.second-token");
        answerSends(200, "{\"name\": \"" + MESSAGE_NAME + "\"}");
        assertThat(provider.send(message())).isEqualTo(new SendResult.Accepted(MESSAGE_NAME));

        assertThat(google.findAll(postRequestedFor(urlPathEqualTo(SEND_PATH))).getLast().getHeader("Authorization"))
                .isEqualTo("Bearer ya29.second-token");
    }

    @Test
    void aTokenEndpointRefusalIsRetriedAndNamesTheOAuthError() {
        deviceTokens.register(customer, "device-token-1", DevicePlatform.ANDROID);
        google.stubFor(post(urlPathEqualTo("/token")).willReturn(json(400,
                "{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT Signature.\"}")));

        assertThat(provider.send(message())).isEqualTo(new SendResult.RetryableFailure(
                "FCM: [no access token: the token endpoint answered HTTP 400 invalid_grant]"));
    }

    @Test
    void aCustomerWithoutDevicesCannotGetPush() {
        assertThat(provider.send(message()))
                .isEqualTo(new SendResult.PermanentFailure("the customer has no push device token"));
    }

    @Test
    void theServiceAccountsKeyNeverAppearsInText() throws Exception {
        String pem = JsonMapping.MAPPER.readTree(ACCOUNT.json()).path("private_key").asText();
        String firstKeyLine = pem.lines().skip(1).findFirst().orElseThrow();

        assertThat(ServiceAccount.fromJson(ACCOUNT.json()).toString()).contains(PROJECT).doesNotContain(firstKeyLine);
    }

    private OutboundMessage message() {
        return new OutboundMessage("inbox:42:push", Channel.PUSH, customer.toString(), "Ticket 4711: solved",
                "Your ticket 4711 is now solved.", null, Map.of(), Category.TRANSACTIONAL);
    }

    private static URI tokenUrl() {
        return URI.create(google.baseUrl() + "/token");
    }

    private static void answerTokenRequests(String accessToken) {
        google.stubFor(post(urlPathEqualTo("/token")).willReturn(json(200,
                "{\"access_token\": \"" + accessToken + "\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")));
    }

    private static void answerSends(int status, String body) {
        google.stubFor(post(urlPathEqualTo(SEND_PATH)).willReturn(json(status, body)));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body);
    }

    /** An FCM HTTP v1 error answer as the FCM error-code reference shows them. */
    private static String fcmError(int code, String status, String errorCode) {
        return """
                {"error": {"code": %d, "message": "FCM says %s", "status": "%s", "details": [
                  {"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "%s"}]}}"""
                .formatted(code, errorCode, status, errorCode);
    }

    private static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
