package io.tidings.app.providers.twilio;

import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.tidings.dispatch.ChannelProvider;
import io.tidings.dispatch.OutboundMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.preference.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * SMS and WhatsApp through Twilio's Messages API (provider id {@code twilio-sms}). WhatsApp uses
 * the same API with {@code whatsapp:}-prefixed addresses. Twilio has no idempotency key for
 * message creation, so it cannot detect a repeated send. With {@code tidings.public-base-url} set, each
 * message asks Twilio for status callbacks to {@code /webhooks/twilio/status}.
 */
@ApplicationScoped
public class TwilioMessagesProvider implements ChannelProvider {

    private final TwilioAccount account;

    @Inject
    TwilioMessagesProvider(TwilioAccount account) {
        this.account = account;
    }

    @Override
    public String id() {
        return "twilio-sms";
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
        return account.send(connection -> {
            if (message.channel() == Channel.WHATSAPP && connection.settings().from() == null) {
                return new SendResult.PermanentFailure("WhatsApp needs a sender: tidings.twilio.from is not set");
            }
            return new SendResult.Accepted(creator(connection.settings(), message).create(connection.client()).getSid());
        });
    }

    private static MessageCreator creator(TwilioSettings settings, OutboundMessage message) {
        MessageCreator creator = addressed(settings, message);
        settings.statusCallback(message.idempotencyKey()).ifPresent(creator::setStatusCallback);
        return creator;
    }

    private static MessageCreator addressed(TwilioSettings settings, OutboundMessage message) {
        boolean whatsapp = message.channel() == Channel.WHATSAPP;
        PhoneNumber to = new PhoneNumber(whatsapp ? "whatsapp:" + message.recipient() : message.recipient());
        if (whatsapp || settings.messagingServiceSid() == null) {
            PhoneNumber from = new PhoneNumber(whatsapp ? "whatsapp:" + settings.from() : settings.from());
            return Message.creator(settings.accountSid(), to, from, message.text());
        }
        return Message.creator(settings.accountSid(), to, settings.messagingServiceSid(), message.text());
    }
}
