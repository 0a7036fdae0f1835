package io.tidings.app.providers.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tidings.dispatch.OutboundMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

/** The SendGrid provider against WireMock. */
class SendGridProviderTest {

    private static final String KEY = "SG.secret-api-key";

    @RegisterExtension
    static final WireMockExtension sendgrid = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @Test
    void promotionalMailIsPostedWithBothBodiesAndOneClickHeaders() throws Exception {
        answer(202);

        SendResult result = provider().send(new OutboundMessage("mail-1", Channel.EMAIL, "amara@example.com",
                "Neu", "Jetzt wechseln.", "<p>Jetzt wechseln.</p>", Map.of("List-Unsubscribe",
                "<https://prefs.example.com/p>", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                Category.PROMOTIONAL));

        assertThat(result).isEqualTo(new SendResult.Accepted("sg-message-1"));
        var request = sendgrid.findAll(anyRequestedFor(anyUrl())).getFirst();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode mail = new ObjectMapper().readTree(request.getBodyAsString());
        assertThat(mail.at("/personalizations/0/to/0/email").asText()).isEqualTo("amara@example.com");
        assertThat(mail.at("/from/email").asText()).isEqualTo("tidings@example.com");
        assertThat(mail.at("/content/0/type").asText()).isEqualTo("text/plain");
        assertThat(mail.at("/content/1/value").asText()).isEqualTo("<p>Jetzt wechseln.</p>");
        assertThat(mail.at("/headers/List-Unsubscribe-Post").asText()).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.at("/custom_args/tidings_idempotency_key").asText()).isEqualTo("mail-1");
    }

    @ParameterizedTest
    @CsvSource({"400, false", "413, false", "401, true", "429, true", "503, true"})
    void failuresAreRetryableOnlyWhenTheyMayPass(int status, boolean retryable) {
        answer(status);

        SendResult result = provider().send(new OutboundMessage("mail-2", Channel.EMAIL, "amara@example.com", "s",
                "t", null, Map.of(), Category.TRANSACTIONAL));

        assertThat(result).isEqualTo(retryable ? new SendResult.RetryableFailure("SendGrid answered HTTP " + status)
                : new SendResult.PermanentFailure("SendGrid answered HTTP " + status));
    }

    @Test
    void theApiKeyNeverAppearsInTheSettingsText() {
        assertThat(new SendGridSettings(KEY, URI.create("https://api.sendgrid.com"), "tidings@example.com")
                .toString()).doesNotContain(KEY);
    }

    private static void answer(int status) {
        sendgrid.stubFor(post(urlPathEqualTo("/v3/mail/send")).willReturn(aResponse().withStatus(status)
                .withHeader("X-Message-Id", "sg-message-1")));
    }

    private static SendGridProvider provider() {
        return new SendGridProvider(Optional.of(new SendGridSettings(KEY, URI.create(sendgrid.baseUrl()),
                "tidings@example.com")));
    }
}
