package io.tidings.app.providers.smtp;

import io.tidings.dispatch.ChannelProvider;
import io.tidings.dispatch.OutboundMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.preference.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Email over SMTP with Jakarta Mail (provider id {@code smtp}): plain text, or text and HTML as
 * alternatives, with the message's headers (RFC 8058 List-Unsubscribe on promotional mail). The
 * Message-ID is made from the idempotency key, so a repeated send is recognisable, but SMTP
 * servers do not drop it.
 */
@ApplicationScoped
public class SmtpProvider implements ChannelProvider {

    static final String ID = "smtp";
    private static final String TIMEOUT_MILLIS = "10000";

    private final Optional<SmtpSettings> settings;
    private final Optional<Session> session;

    @Inject
    SmtpProvider(@ConfigProperty(name = "tidings.smtp.host") Optional<String> host,
                 @ConfigProperty(name = "tidings.smtp.port", defaultValue = "587") int port,
                 @ConfigProperty(name = "tidings.smtp.username") Optional<String> username,
                 @ConfigProperty(name = "tidings.smtp.password") Optional<String> password,
                 @ConfigProperty(name = "tidings.smtp.from") Optional<String> from,
                 @ConfigProperty(name = "tidings.smtp.starttls", defaultValue = "true") boolean startTls) {
        this(host.map(server -> new SmtpSettings(server, port, username.orElse(null), password.orElse(null),
                from.orElse(null), startTls)));
    }

    SmtpProvider(Optional<SmtpSettings> settings) {
        this.settings = settings;
        this.session = settings.map(SmtpProvider::session);
    }

    @Override
    public String id() {
        return ID;
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
        if (session.isEmpty()) {
            // Retried rather than dropped: the sends go out once the server is configured.
            return new SendResult.RetryableFailure("tidings.smtp.host is not set");
        }
        try {
            MimeMessage mime = mime(session.get(), settings.get(), message);
            Transport.send(mime, settings.get().username(), settings.get().password());
            return new SendResult.Accepted(mime.getMessageID());
        } catch (AddressException e) {
            return new SendResult.PermanentFailure("the email address is malformed");
        } catch (SendFailedException e) {
            return failure(e);
        } catch (MessagingException e) {
            return new SendResult.RetryableFailure("the mail server could not be reached or failed: "
                    + e.getClass().getSimpleName());
        }
    }

    private static MimeMessage mime(Session session, SmtpSettings account, OutboundMessage message)
            throws MessagingException {
        MimeMessage mime = new IdentifiedMimeMessage(session, messageId(message.idempotencyKey()));
        mime.setFrom(new InternetAddress(account.from(), true));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
        mime.setSubject(message.subject() == null ? "" : message.subject(), StandardCharsets.UTF_8.name());
        for (var header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        if (message.html() == null) {
            mime.setText(message.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
            mime.setContent(new MimeMultipart("alternative", text, html));
        }
        return mime;
    }

    /** The key may hold characters a Message-ID may not; URL-safe Base64 has none of them. */
    static String messageId(String idempotencyKey) {
        return "<" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(idempotencyKey.getBytes(StandardCharsets.UTF_8)) + "@tidings>";
    }

    /** The server's reply code decides: 5xx will not change on retry, 4xx may. The reply can echo the address, so it is not kept. */
    private static SendResult failure(SendFailedException e) {
        int code = switch (e) {
            case SMTPAddressFailedException address -> address.getReturnCode();
            case SMTPSendFailedException send -> send.getReturnCode();
            default -> e.getNextException() instanceof SMTPAddressFailedException address ? address.getReturnCode() : -1;
        };
        String reason = "the mail server refused the message (SMTP " + code + ")";
        return code >= 500 ? new SendResult.PermanentFailure(reason) : new SendResult.RetryableFailure(reason);
    }

    private static Session session(SmtpSettings account) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", account.host());
        properties.put("mail.smtp.port", String.valueOf(account.port()));
        properties.put("mail.smtp.auth", String.valueOf(account.username() != null));
        properties.put("mail.smtp.starttls.enable", String.valueOf(account.startTls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(account.startTls()));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        return Session.getInstance(properties);
    }

    /** Keeps the Message-ID made from the idempotency key; Jakarta Mail would replace it with a random one. */
    private static final class IdentifiedMimeMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
