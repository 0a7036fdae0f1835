package io.tidings.template;

import io.tidings.decision.EventKind;
import io.tidings.preference.Channel;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates(Locale.ENGLISH);
    private final Map<String, String> values = Map.of("ticketId", "4711", "status", "solved & <closed>");

    @Test
    void aRegionalLocaleFallsBackToItsLanguageThenTheDefault() {
        assertThat(templates.fallbackChain(Locale.forLanguageTag("de-AT"))).containsExactly("de-AT", "de", "en");
        assertThat(templates.render(EventKind.TICKET_STATUS_CHANGED, Channel.SMS, Locale.forLanguageTag("de-AT"), values)
                .text()).isEqualTo("Ihr Ticket 4711 ist jetzt solved & <closed>.");
        assertThat(templates.render(EventKind.TICKET_STATUS_CHANGED, Channel.SMS, Locale.forLanguageTag("fr-FR"), values)
                .text()).isEqualTo("Your ticket 4711 is now solved & <closed>.");
    }

    @Test
    void emailHasASubjectAndAnEscapedHtmlBody() {
        RenderedMessage email = templates.render(EventKind.TICKET_STATUS_CHANGED, Channel.EMAIL, Locale.ENGLISH, values);

        assertThat(email.subject()).isEqualTo("Ticket 4711: solved & <closed>");
        assertThat(email.text()).isEqualTo("Hello,\n\nyour ticket 4711 is now solved & <closed>.");
        assertThat(email.html()).contains("<strong>4711</strong> is now solved &amp; &lt;closed&gt;.");
    }

    @Test
    void aChannelWithoutTemplateIsReported() {
        assertThatThrownBy(() -> templates.render(EventKind.BILLING_ISSUE, Channel.VOICE, Locale.ENGLISH, values))
                .isInstanceOf(TemplateNotFoundException.class)
                .hasMessageContaining("billing_issue/voice");
    }
}
