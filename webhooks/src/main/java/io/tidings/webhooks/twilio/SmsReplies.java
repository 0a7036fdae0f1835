package io.tidings.webhooks.twilio;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;
import io.tidings.consent.ConsentSource;
import io.tidings.customer.ContactDigest;
import io.tidings.customer.Customer;
import io.tidings.customer.CustomerStore;
import io.tidings.ledger.ChannelOptOuts;
import io.tidings.preference.Channel;
import io.tidings.support.CustomerReply;
import io.tidings.support.ReplyRouting;
import io.tidings.support.StoredReplies;
import io.tidings.webhooks.intake.DeliveryHeaders;
import io.tidings.webhooks.intake.MalformedDeliveryException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Messages customers send to Tidings' Twilio number. STOP and its synonyms withdraw messaging
 * consent on the channel in the ledger (source sms-keyword) and are answered with the one
 * confirmation allowed; START and UNSTOP grant again what a keyword withdrew; HELP is answered with
 * the help text. Any other text goes to the customer's help-desk ticket, or is kept in Tidings.
 * A sender no customer has gets an empty answer and only the fact is kept.
 */
@ApplicationScoped
public class SmsReplies {

    private static final System.Logger LOG = System.getLogger(SmsReplies.class.getName());
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String WHATSAPP = "whatsapp:";

    private final TwilioSignature signature;
    private final CustomerStore customers;
    private final ChannelOptOuts optOuts;
    private final ReplyRouting routing;
    private final StoredReplies stored;
    private final Clock clock;
    private final SmsAnswers answers;

    /** What Tidings answers each keyword with; a blank text answers nothing. */
    record SmsAnswers(String stop, String start, String help) {
    }

    @Inject
    public SmsReplies(TwilioSignature signature, CustomerStore customers, ChannelOptOuts optOuts, ReplyRouting routing,
                      StoredReplies stored, Clock clock,
                      @ConfigProperty(name = "tidings.sms.stop-reply", defaultValue = "You are unsubscribed and will "
                              + "get no more messages from us. Reply START to subscribe again.") String stopReply,
                      @ConfigProperty(name = "tidings.sms.start-reply", defaultValue = "You are subscribed again. "
                              + "Reply STOP to unsubscribe.") String startReply,
                      @ConfigProperty(name = "tidings.sms.help-reply", defaultValue = "Reply with your question and "
                              + "our support team will answer. Reply STOP to unsubscribe.") String helpReply) {
        this.signature = signature;
        this.customers = customers;
        this.optOuts = optOuts;
        this.routing = routing;
        this.stored = stored;
        this.clock = clock;
        this.answers = new SmsAnswers(stopReply, startReply, helpReply);
    }

    /** Verifies and handles one incoming message; answers the TwiML to reply with. */
    public String receive(DeliveryHeaders headers, URI requested, byte[] body) {
        FormBody form = FormBody.parse(body);
        signature.verify(headers, requested, form);
        String messageSid = form.get("MessageSid");
        String from = form.get("From");
        if (messageSid == null || from == null) {
            throw new MalformedDeliveryException("A Twilio incoming message names MessageSid and From.");
        }
        Channel channel = from.startsWith(WHATSAPP) ? Channel.WHATSAPP : Channel.SMS;
        String sender = from.startsWith(WHATSAPP) ? from.substring(WHATSAPP.length()) : from;
        String senderDigest = ContactDigest.of(sender);
        List<Customer> senders = e164(sender).map(customers::findByPhone).orElse(List.of());
        if (senders.isEmpty()) {
            stored.recordUnknownSender(channel, messageSid, senderDigest, clock.instant());
            LOG.log(System.Logger.Level.INFO, "incoming " + channel + " " + messageSid + " from a number no customer has "
                    + "(sha256 " + senderDigest.substring(0, 12) + "…); recorded, not answered");
            return twiml(null);
        }
        String text = form.parameters().getOrDefault("Body", "");
        Optional<SmsKeyword> keyword = SmsKeyword.of(text);
        String note = "SMS keyword " + keyword.map(Enum::name).orElse("") + "; MessageSid " + messageSid
                + "; From sha256 " + senderDigest;
        if (keyword.isPresent()) {
            LOG.log(System.Logger.Level.INFO, channel + " keyword " + keyword.get() + " in " + messageSid + " from sha256 "
                    + senderDigest.substring(0, 12) + "… (" + senders.size() + " customer(s))");
        }
        return switch (keyword.orElse(null)) {
            case STOP -> {
                // The number asked to stop: every customer who has it is opted out.
                senders.forEach(customer -> optOuts.optOut(customer.id(), channel, ConsentSource.SMS_KEYWORD, note));
                yield twiml(answers.stop());
            }
            case START -> {
                senders.forEach(customer -> optOuts.optBackIn(customer.id(), channel, ConsentSource.SMS_KEYWORD, note));
                yield twiml(answers.start());
            }
            case HELP -> twiml(answers.help());
            case null -> {
                // Several customers with one number: the reply goes to the one most recently updated.
                routing.route(senders.getFirst(), new CustomerReply(channel, text, clock.instant(), messageSid), sender);
                yield twiml(null);
            }
        };
    }

    private static Optional<String> e164(String number) {
        try {
            return Optional.of(PHONES.format(PHONES.parse(number, null), PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static String twiml(String reply) {
        MessagingResponse.Builder response = new MessagingResponse.Builder();
        if (reply != null && !reply.isBlank()) {
            response.message(new Message.Builder(reply).build());
        }
        return response.build().toXml();
    }
}
