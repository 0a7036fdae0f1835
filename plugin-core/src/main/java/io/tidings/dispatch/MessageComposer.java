package io.tidings.dispatch;

import io.tidings.customer.Customer;
import io.tidings.customer.CustomerProfile;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.template.MessageTemplates;
import io.tidings.template.RenderedMessage;
import io.tidings.template.SmsSegments;
import io.tidings.template.TemplateNotFoundException;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a claimed send and its customer into the message a provider sends: the address for the
 * channel, the template in the customer's locale, the preference-centre link on every message
 * that is not legal or security, and RFC 8058 one-click unsubscribe headers on promotional email.
 */
public final class MessageComposer {

    private final MessageTemplates templates;
    private final URI preferenceCentre;
    private final int maxSmsSegments;

    public MessageComposer(MessageTemplates templates, URI preferenceCentre, int maxSmsSegments) {
        this.templates = templates;
        this.preferenceCentre = preferenceCentre;
        this.maxSmsSegments = maxSmsSegments;
    }

    public OutboundMessage compose(ClaimedSend send, Customer customer) {
        OutboxEntry entry = send.entry();
        CustomerProfile profile = customer.profile();
        Locale locale = profile.locale() == null ? Locale.ROOT : profile.locale();
        RenderedMessage body = render(() -> templates.render(entry.kind(), entry.channel(), locale, entry.values()));
        String text = body.text();
        String html = body.html();
        Map<String, String> headers = Map.of();
        if (carriesPreferenceLink(entry.category())) {
            RenderedMessage link = render(() -> templates.render("preference-link", locale,
                    Map.of("url", preferenceCentre.toString())));
            text = text + "\n\n" + link.text();
            html = html == null || link.html() == null ? html : html + "\n" + link.html();
        }
        if (entry.channel() == Channel.EMAIL && entry.category() == Category.PROMOTIONAL) {
            headers = Map.of("List-Unsubscribe", "<" + preferenceCentre + ">",
                    "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        int segments = entry.channel() == Channel.SMS ? SmsSegments.of(text).segments() : 0;
        if (segments > maxSmsSegments) {
            throw new UndeliverableException("the text takes " + segments + " SMS segments, more than the "
                    + maxSmsSegments + " allowed");
        }
        return new OutboundMessage(entry.idempotencyKey(), entry.channel(), address(customer, entry.channel()),
                body.subject(), text, html, headers, entry.category());
    }

    private static boolean carriesPreferenceLink(Category category) {
        return category != Category.LEGAL && category != Category.SECURITY;
    }

    /** True when the customer has an address on the channel. */
    static boolean reaches(Customer customer, Channel channel) {
        return customer.addressOn(channel) != null;
    }

    private static String address(Customer customer, Channel channel) {
        String address = customer.addressOn(channel);
        if (address == null) {
            throw new UndeliverableException("the customer has no address for " + channel);
        }
        return address;
    }

    private static RenderedMessage render(Supplier<RenderedMessage> rendering) {
        try {
            return rendering.get();
        } catch (TemplateNotFoundException e) {
            throw new UndeliverableException(e.getMessage());
        }
    }
}
