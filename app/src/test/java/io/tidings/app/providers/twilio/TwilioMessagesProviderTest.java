package io.tidings.app.providers.twilio;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tidings.app.demo.Sandbox;
import io.tidings.dispatch.OutboundMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The Twilio Messages provider against WireMock; every request it makes must match Twilio's published OpenAPI. */
class TwilioMessagesProviderTest {

    private static final String ACCOUNT = "AC" + "0123456789abcdef".repeat(2);
    private static final String TOKEN = "secret-auth-token";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    private static final String SID = "SM" + "fedcba9876543210".repeat(2);

    @RegisterExtension
    static final WireMockExtension twilio = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @AfterEach
    void everyRequestMatchesTwiliosSpecification() {
        TwilioSpecification.assertAllValid(twilio.findAll(anyRequestedFor(anyUrl())));
    }

    @Test
    void anSmsIsCreatedWithTheAccountsSenderAndAccepted() {
        answer(201, created());

        SendResult result = provider("+15005550006", null).send(message(Channel.SMS));

        assertThat(result).isEqualTo(new SendResult.Accepted(SID));
        LoggedRequest request = twilio.findAll(anyRequestedFor(anyUrl())).getFirst();
        assertThat(TwilioSpecification.form(request)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "To", "+4915112345678", "From", "+15005550006", "Body", "Ihr Ticket 4711 ist gelöst."));
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void withAPublicBaseUrlTwilioIsAskedForStatusCallbacksNamingTheSend() {
        answer(201, created());
        TwilioMessagesProvider provider = new TwilioMessagesProvider(new TwilioAccount(Optional.of(new TwilioSettings(
                ACCOUNT, TOKEN, URI.create(twilio.baseUrl()), "+15005550006", null,
                URI.create("https://tidings.example.com/")))));

        provider.send(new OutboundMessage("inbox:0193:sms", Channel.SMS, "+4915112345678", null, "Ihr Ticket ist gelöst.",
                null, Map.of(), Category.TRANSACTIONAL));

        assertThat(TwilioSpecification.form(twilio.findAll(anyRequestedFor(anyUrl())).getFirst()))
                .containsEntry("StatusCallback", "https://tidings.example.com/webhooks/twilio/status?send=inbox%3A0193%3Asms");
    }

    @Test
    void withoutAPublicBaseUrlNoStatusCallbackIsAskedFor() {
        answer(201, created());

        provider("+15005550006", null).send(message(Channel.SMS));

        assertThat(TwilioSpecification.form(twilio.findAll(anyRequestedFor(anyUrl())).getFirst()))
                .doesNotContainKey("StatusCallback");
    }

    @Test
    void aMessagingServicePicksTheSmsSender() {
        answer(201, created());

        provider(null, "MG" + "0123456789abcdef".repeat(2)).send(message(Channel.SMS));

        assertThat(TwilioSpecification.form(twilio.findAll(anyRequestedFor(anyUrl())).getFirst()))
                .containsEntry("MessagingServiceSid", "MG" + "0123456789abcdef".repeat(2))
                .doesNotContainKey("From");
    }

    @Test
    void whatsappAddressesArePrefixed() {
        answer(201, created());

        provider("+15005550006", null).send(message(Channel.WHATSAPP));

        assertThat(TwilioSpecification.form(twilio.findAll(anyRequestedFor(anyUrl())).getFirst()))
                .containsEntry("To", "whatsapp:+4915112345678")
                .containsEntry("From", "whatsapp:+15005550006");
    }

    @Test
    void anInvalidNumberIsAPermanentFailureThatDoesNotRepeatTheNumber() {
        answer(400, error(21211, 400, "The 'To' number +4915112345678 is not a valid phone number."));

        SendResult result = provider("+15005550006", null).send(message(Channel.SMS));

        assertThat(result).isEqualTo(new SendResult.PermanentFailure("Twilio error 21211 (HTTP 400)"));
    }

    @Test
    void throttlingAndOutagesAreRetryable() {
        answer(429, error(20429, 429, "Too Many Requests"));
        assertThat(provider("+15005550006", null).send(message(Channel.SMS)))
                .isEqualTo(new SendResult.RetryableFailure("Twilio error 20429 (HTTP 429)"));

        answer(500, error(20500, 500, "Internal Server Error"));
        assertThat(provider("+15005550006", null).send(message(Channel.SMS)))
                .isEqualTo(new SendResult.RetryableFailure("Twilio error 20500 (HTTP 500)"));
    }

    @Test
    void theSpecificationRejectsRequestsTwilioWouldNot() {
        answer(201, created());
        provider("+15005550006", null).send(message(Channel.SMS));
        LoggedRequest real = twilio.findAll(anyRequestedFor(anyUrl())).getFirst();

        assertThat(TwilioSpecification.findings(TwilioSpecification.validate(messagesRequest(real, "From=%2B15005550006&Body=hello"))))
                .as("no To").extracting(ValidationReport.Message::getKey)
                .containsExactly("validation.request.body.schema.required");
        assertThat(TwilioSpecification.validate(messagesRequest(real, "To=%2B4915112345678&MessagingServiceSid=MG1"))
                .hasErrors()).as("malformed messaging service sid").isTrue();
        assertThat(TwilioSpecification.validate(messagesRequest(real, "To=%2B4915112345678&Body=hi")).hasErrors())
                .as("the same request with a recipient").isFalse();
    }

    @Test
    void theDemoSandboxAcceptsWhatTheProviderSends() {
        try (Sandbox sandbox = Sandbox.start("twilio")) {
            TwilioMessagesProvider demo = new TwilioMessagesProvider(new TwilioAccount(Optional.of(
                    new TwilioSettings(ACCOUNT, TOKEN, URI.create(sandbox.baseUrl()), "+15005550006", null))));

            OutboundMessage composed = new OutboundMessage("key-2", Channel.SMS, "+4915112345678", null,
                    "Your ticket 4711 is now \"solved\".\nManage your messages: http://localhost:8080/preferences", null,
                    Map.of(), Category.TRANSACTIONAL);

            assertThat(demo.send(composed)).as("a composed message: several lines, quotes")
                    .isInstanceOfSatisfying(SendResult.Accepted.class,
                            accepted -> assertThat(accepted.providerMessageId()).matches("SM[0-9a-f]{32}"));
        }
    }

    @Test
    void theAuthTokenNeverAppearsInTheSettingsText() {
        TwilioSettings settings = new TwilioSettings(ACCOUNT, TOKEN, URI.create("https://api.twilio.com"),
                "+15005550006", null);

        assertThat(settings.toString()).doesNotContain(TOKEN).contains(ACCOUNT);
    }

    private static Request messagesRequest(LoggedRequest real, String form) {
        return SimpleRequest.Builder.post(MESSAGES)
                .withContentType("application/x-www-form-urlencoded")
                .withAuthorization(real.getHeader("Authorization"))
                .withBody(form)
                .build();
    }

    private static TwilioMessagesProvider provider(String from, String messagingServiceSid) {
        return new TwilioMessagesProvider(new TwilioAccount(Optional.of(new TwilioSettings(ACCOUNT, TOKEN,
                URI.create(twilio.baseUrl()), from, messagingServiceSid))));
    }

    private static OutboundMessage message(Channel channel) {
        return new OutboundMessage("key-1", channel, "+4915112345678", null, "Ihr Ticket 4711 ist gelöst.", null,
                Map.of(), Category.TRANSACTIONAL);
    }

    private static void answer(int status, String json) {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(json)));
    }

    private static String created() {
        return """
                {"sid": "%s", "account_sid": "%s", "status": "queued", "body": "Ihr Ticket 4711 ist gelöst.",
                 "num_segments": "1", "direction": "outbound-api", "api_version": "2010-04-01",
                 "uri": "%s"}""".formatted(SID, ACCOUNT, MESSAGES);
    }

    private static String error(int code, int status, String message) {
        return """
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                .formatted(code, message, code, status);
    }
}
