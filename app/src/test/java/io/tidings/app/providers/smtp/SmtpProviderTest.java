package io.tidings.app.providers.smtp;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.tidings.dispatch.OutboundMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP provider against a GreenMail server. */
class SmtpProviderTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Map<String, String> ONE_CLICK = Map.of(
            "List-Unsubscribe", "<https://prefs.example.com/p>",
            "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

    @Test
    void promotionalMailArrivesAsTextAndHtmlWithOneClickUnsubscribe() throws Exception {
        SendResult result = provider(MAIL.getSmtp().getPort()).send(new OutboundMessage("mail:1", Channel.EMAIL,
                "amara@example.com", "Neu: Tarif Plus", "Jetzt wechseln.", "<p>Jetzt <b>wechseln</b>.</p>", ONE_CLICK,
                Category.PROMOTIONAL));

        MimeMessage received = MAIL.getReceivedMessages()[0];
        assertThat(result).isEqualTo(new SendResult.Accepted(SmtpProvider.messageId("mail:1")));
        assertThat(received.getMessageID()).isEqualTo(SmtpProvider.messageId("mail:1"));
        assertThat(received.getSubject()).isEqualTo("Neu: Tarif Plus");
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("amara@example.com");
        assertThat(received.getFrom()).extracting(Object::toString).containsExactly("tidings@example.com");
        assertThat(received.getHeader("List-Unsubscribe")).containsExactly("<https://prefs.example.com/p>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        MimeMultipart alternatives = (MimeMultipart) received.getContent();
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getBodyPart(0).getContent()).isEqualTo("Jetzt wechseln.");
        assertThat(alternatives.getBodyPart(1).getContentType()).startsWith("text/html");
    }

    @Test
    void transactionalMailWithoutHtmlIsPlainTextWithoutUnsubscribeHeaders() throws Exception {
        provider(MAIL.getSmtp().getPort()).send(new OutboundMessage("mail-2", Channel.EMAIL, "amara@example.com",
                "Ticket 4711", "Ihr Ticket ist gelöst.", null, Map.of(), Category.TRANSACTIONAL));

        MimeMessage received = MAIL.getReceivedMessages()[0];
        assertThat(received.getContentType()).startsWith("text/plain");
        assertThat(GreenMailUtil.getBody(received)).isEqualTo("Ihr Ticket ist gel=C3=B6st.");
        assertThat(received.getHeader("List-Unsubscribe")).isNull();
    }

    @Test
    void aMalformedAddressIsPermanent() {
        SendResult result = provider(MAIL.getSmtp().getPort()).send(new OutboundMessage("mail-3", Channel.EMAIL,
                "not an address", "s", "t", null, Map.of(), Category.TRANSACTIONAL));

        assertThat(result).isEqualTo(new SendResult.PermanentFailure("the email address is malformed"));
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        SendResult result = provider(closedPort).send(new OutboundMessage("mail-4", Channel.EMAIL,
                "amara@example.com", "s", "t", null, Map.of(), Category.TRANSACTIONAL));

        assertThat(result).isInstanceOf(SendResult.RetryableFailure.class);
    }

    @Test
    void thePasswordNeverAppearsInTheSettingsText() {
        assertThat(new SmtpSettings("smtp.example.com", 587, "tidings", "s3cret", "tidings@example.com", true)
                .toString()).doesNotContain("s3cret");
    }

    private static SmtpProvider provider(int port) {
        return new SmtpProvider(Optional.of(new SmtpSettings("localhost", port, null, null, "tidings@example.com",
                false)));
    }
}
