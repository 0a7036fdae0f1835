package io.tidings.app.providers.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.tidings.dispatch.ChannelProvider;
import io.tidings.dispatch.OutboundMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.preference.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * SMS and WhatsApp through Twilio's Messages API (provider id {@code twilio-sms}). WhatsApp uses
 * the same API with {@code whatsapp:}-prefixed addresses. Twilio has no idempotency key for
 * message creation, so it cannot detect a repeated send.
 */
@ApplicationScoped
public class TwilioMessagesProvider implements ChannelProvider {

    static final String ID = "twilio-sms";
    /** Invalid 'To' number; 'To' is not a mobile number; 'To' has opted out (STOP); region not enabled. */
    private static final Set<Integer> PERMANENT_CODES = Set.of(21211, 21614, 21610, 21408, 63016);

    private final Optional<TwilioSettings> settings;
    private final Optional<TwilioRestClient> client;

    @Inject
    TwilioMessagesProvider(@ConfigProperty(name = "tidings.twilio.account-sid") Optional<String> accountSid,
                           @ConfigProperty(name = "tidings.twilio.auth-token") Optional<String> authToken,
                           @ConfigProperty(name = "tidings.twilio.base-url", defaultValue = "https://api.twilio.com")
                           URI baseUrl,
                           @ConfigProperty(name = "tidings.twilio.from") Optional<String> from,
                           @ConfigProperty(name = "tidings.twilio.messaging-service-sid")
                           Optional<String> messagingServiceSid) {
        this(accountSid.isPresent() && authToken.isPresent()
                ? Optional.of(new TwilioSettings(accountSid.get(), authToken.get(), baseUrl, from.orElse(null),
                messagingServiceSid.orElse(null)))
                : Optional.empty());
    }

    TwilioMessagesProvider(Optional<TwilioSettings> settings) {
        this.settings = settings;
        this.client = settings.map(account -> new TwilioRestClient.Builder(account.accountSid(), account.authToken())
                .httpClient(new BaseUrlHttpClient(account.baseUrl()))
                .build());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.SMS, Channel.WHATSAPP);
    }

    @Override
    public boolean detectsDuplicates() {
        return false;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        if (client.isEmpty()) {
            // Retried rather than dropped: the sends go out once the account is configured.
            return new SendResult.RetryableFailure("tidings.twilio.account-sid and tidings.twilio.auth-token are not set");
        }
        if (message.channel() == Channel.WHATSAPP && settings.get().from() == null) {
            return new SendResult.PermanentFailure("WhatsApp needs a sender: tidings.twilio.from is not set");
        }
        try {
            Message created = creator(settings.get(), message).create(client.get());
            return new SendResult.Accepted(created.getSid());
        } catch (ApiException e) {
            return failure(e);
        } catch (TwilioException e) {
            return new SendResult.RetryableFailure("Twilio could not be reached: " + e.getClass().getSimpleName());
        }
    }

    private static MessageCreator creator(TwilioSettings account, OutboundMessage message) {
        boolean whatsapp = message.channel() == Channel.WHATSAPP;
        PhoneNumber to = new PhoneNumber(whatsapp ? "whatsapp:" + message.recipient() : message.recipient());
        if (whatsapp || account.messagingServiceSid() == null) {
            PhoneNumber from = new PhoneNumber(whatsapp ? "whatsapp:" + account.from() : account.from());
            return Message.creator(account.accountSid(), to, from, message.text());
        }
        return Message.creator(account.accountSid(), to, account.messagingServiceSid(), message.text());
    }

    /** Twilio's error text can echo the recipient's number, so only its code and status are kept. */
    private static SendResult failure(ApiException e) {
        String reason = "Twilio error " + e.getCode() + " (HTTP " + e.getStatusCode() + ")";
        Integer status = e.getStatusCode();
        if (e.getCode() != null && PERMANENT_CODES.contains(e.getCode())) {
            return new SendResult.PermanentFailure(reason);
        }
        if (status == null || status == 429 || status >= 500) {
            return new SendResult.RetryableFailure(reason);
        }
        return new SendResult.PermanentFailure(reason);
    }
}
