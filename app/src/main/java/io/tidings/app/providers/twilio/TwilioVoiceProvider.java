package io.tidings.app.providers.twilio;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Say;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import io.tidings.dispatch.ChannelProvider;
import io.tidings.dispatch.OutboundMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.preference.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * Voice calls through Twilio's Calls API that read the message text out with TwiML {@code <Say>}
 * (provider id {@code twilio-voice}). Twilio cannot detect a repeated call. With
 * {@code tidings.public-base-url} set, Twilio posts the call's final status to {@code /webhooks/twilio/status}.
 */
@ApplicationScoped
public class TwilioVoiceProvider implements ChannelProvider {

    private final TwilioAccount account;

    @Inject
    TwilioVoiceProvider(TwilioAccount account) {
        this.account = account;
    }

    @Override
    public String id() {
        return "twilio-voice";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.VOICE);
    }

    @Override
    public boolean detectsDuplicates() {
        return false;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return account.send(connection -> {
            TwilioSettings settings = connection.settings();
            if (settings.from() == null) {
                return new SendResult.PermanentFailure("calls need a caller id: tidings.twilio.from is not set");
            }
            Twiml speech = new Twiml(new VoiceResponse.Builder().say(new Say.Builder(message.text()).build()).build()
                    .toXml());
            CallCreator call = Call.creator(settings.accountSid(), new PhoneNumber(message.recipient()),
                    new PhoneNumber(settings.from()), speech);
            settings.statusCallback(message.idempotencyKey()).ifPresent(call::setStatusCallback);
            return new SendResult.Accepted(call.create(connection.client()).getSid());
        });
    }
}
