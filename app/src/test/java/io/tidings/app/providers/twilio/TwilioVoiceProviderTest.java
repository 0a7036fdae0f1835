package io.tidings.app.providers.twilio;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tidings.dispatch.OutboundMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The Twilio voice provider against WireMock; every request must match Twilio's published OpenAPI. */
class TwilioVoiceProviderTest {

    private static final String ACCOUNT = "AC" + "0123456789abcdef".repeat(2);
    private static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json";
    private static final String SID = "CA" + "fedcba9876543210".repeat(2);

    @RegisterExtension
    static final WireMockExtension twilio = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @AfterEach
    void everyRequestMatchesTwiliosSpecification() {
        TwilioSpecification.assertAllValid(twilio.findAll(anyRequestedFor(anyUrl())));
    }

    @Test
    void aCallReadsTheTextOutWithSay() {
        twilio.stubFor(post(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"" + SID + "\", \"account_sid\": \"" + ACCOUNT + "\", \"status\": \"queued\"}")));

        SendResult result = provider("+15005550006").send(message("Störung in 10115 & Umgebung <behoben>."));

        assertThat(result).isEqualTo(new SendResult.Accepted(SID));
        Map<String, String> form = TwilioSpecification.form(twilio.findAll(anyRequestedFor(anyUrl())).getFirst());
        assertThat(form).containsEntry("To", "+4915112345678").containsEntry("From", "+15005550006");
        assertThat(form.get("Twiml"))
                .contains("<Response><Say>Störung in 10115 &amp; Umgebung &lt;behoben&gt;.</Say></Response>");
    }

    @Test
    void anUnknownNumberIsPermanent() {
        twilio.stubFor(post(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 21211, \"message\": \"Invalid 'To' Phone Number\", \"status\": 400}")));

        assertThat(provider("+15005550006").send(message("Hallo")))
                .isEqualTo(new SendResult.PermanentFailure("Twilio error 21211 (HTTP 400)"));
    }

    @Test
    void withoutACallerIdNothingIsCalled() {
        assertThat(provider(null).send(message("Hallo")))
                .isInstanceOf(SendResult.PermanentFailure.class);
        assertThat(twilio.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private static TwilioVoiceProvider provider(String from) {
        return new TwilioVoiceProvider(new TwilioAccount(Optional.of(new TwilioSettings(ACCOUNT, "token",
                URI.create(twilio.baseUrl()), from, from == null ? "MG" + "0123456789abcdef".repeat(2) : null))));
    }

    private static OutboundMessage message(String text) {
        return new OutboundMessage("call-1", Channel.VOICE, "+4915112345678", null, text, null, Map.of(),
                Category.SERVICE_UPDATE);
    }
}
