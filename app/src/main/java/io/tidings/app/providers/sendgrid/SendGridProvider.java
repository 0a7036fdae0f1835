package io.tidings.app.providers.sendgrid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidings.dispatch.ChannelProvider;
import io.tidings.dispatch.OutboundMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.preference.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Email through SendGrid's v3 Mail Send API (provider id {@code sendgrid}). The idempotency key
 * travels as a custom argument, so status events can be matched to the send, but SendGrid does
 * not drop a repeated send.
 */
@ApplicationScoped
public class SendGridProvider implements ChannelProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Optional<SendGridSettings> settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    SendGridProvider(@ConfigProperty(name = "tidings.sendgrid.api-key") Optional<String> apiKey,
                     @ConfigProperty(name = "tidings.sendgrid.base-url", defaultValue = "https://api.sendgrid.com")
                     URI baseUrl,
                     @ConfigProperty(name = "tidings.sendgrid.from") Optional<String> from) {
        this(apiKey.map(key -> new SendGridSettings(key, baseUrl, from.orElse(null))));
    }

    SendGridProvider(Optional<SendGridSettings> settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return "sendgrid";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.EMAIL);
    }

    @Override
    public boolean detectsDuplicates() {
        return false;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        if (settings.isEmpty()) {
            // Retried rather than dropped: the sends go out once the account is configured.
            return new SendResult.RetryableFailure("tidings.sendgrid.api-key is not set");
        }
        SendGridSettings account = settings.get();
        HttpRequest request = HttpRequest.newBuilder(account.baseUrl().resolve("/v3/mail/send"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + account.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mail(account, message)))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return result(response);
        } catch (IOException e) {
            return new SendResult.RetryableFailure("SendGrid could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.RetryableFailure("interrupted while sending to SendGrid");
        }
    }

    /** SendGrid's error bodies can echo the recipient, so only the status is kept. */
    private static SendResult result(HttpResponse<Void> response) {
        int status = response.statusCode();
        if (status == 202) {
            return new SendResult.Accepted(response.headers().firstValue("X-Message-Id").orElse(""));
        }
        String reason = "SendGrid answered HTTP " + status;
        // 401/403: a key problem the operator fixes; the send should go out afterwards.
        if (status == 401 || status == 403 || status == 429 || status >= 500) {
            return new SendResult.RetryableFailure(reason);
        }
        return new SendResult.PermanentFailure(reason);
    }

    private static String mail(SendGridSettings account, OutboundMessage message) {
        ObjectNode mail = JSON.createObjectNode();
        mail.putArray("personalizations").addObject().putArray("to").addObject().put("email", message.recipient());
        mail.putObject("from").put("email", account.from());
        mail.put("subject", message.subject() == null ? "" : message.subject());
        ArrayNode content = mail.putArray("content");
        content.addObject().put("type", "text/plain").put("value", message.text());
        if (message.html() != null) {
            content.addObject().put("type", "text/html").put("value", message.html());
        }
        if (!message.headers().isEmpty()) {
            ObjectNode headers = mail.putObject("headers");
            message.headers().forEach(headers::put);
        }
        mail.putObject("custom_args").put("tidings_idempotency_key", message.idempotencyKey());
        try {
            return JSON.writeValueAsString(mail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a SendGrid mail could not be written as JSON", e);
        }
    }
}
