package io.tidings.webhooks.intake;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesforceOutboundMessagesTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void readsTheOrgAndEveryNotification() throws IOException {
        OutboundMessage message = SalesforceOutboundMessages.read(twoContacts(), RECEIVED);

        assertThat(message.organizationId()).isEqualTo("00D5e000000KQ2eEAG");
        assertThat(message.notifications()).extracting(InboundDelivery::sourceEventId)
                .containsExactly("04l5e00000Gx7QzAAJ", "04l5e00000Gx7R0AAJ");
        InboundDelivery first = message.notifications().getFirst();
        assertThat(first.source()).isEqualTo(DeliverySource.SALESFORCE);
        assertThat(first.eventType()).isEqualTo("salesforce:outbound-message:Contact");
        assertThat(first.subject()).isEqualTo("salesforce:Contact:0035e00000AbCdEAAV");
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-11-22T09:30:00Z"));
        assertThat(first.payload()).startsWith("<Notification xmlns=\"http://soap.sforce.com/2005/09/outbound\"")
                .contains("<sf:HasOptedOutOfEmail>true</sf:HasOptedOutOfEmail>").doesNotContain("0035e00000AbCdFAAV");
    }

    @Test
    void refusesDocumentTypeDeclarationsSoNoEntityIsExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>&x;</OrganizationId>"
                + "</notifications>";

        assertThatThrownBy(() -> SalesforceOutboundMessages.read(xxe.getBytes(StandardCharsets.UTF_8), RECEIVED))
                .isInstanceOf(MalformedDeliveryException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesEnvelopesThatAreNotOutboundMessages() {
        for (String body : new String[] {"not xml", "<notifications/>",
                "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>00D5e000000KQ2eEAG"
                        + "</OrganizationId></notifications>",
                "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>00D5e000000KQ2eEAG"
                        + "</OrganizationId><Notification><Id>04l5e00000Gx7QzAAJ</Id></Notification></notifications>"}) {
            assertThatThrownBy(() -> SalesforceOutboundMessages.read(body.getBytes(StandardCharsets.UTF_8), RECEIVED))
                    .as(body).isInstanceOf(MalformedDeliveryException.class);
        }
    }

    static byte[] twoContacts() throws IOException {
        try (InputStream in = SalesforceOutboundMessagesTest.class.getResourceAsStream("/salesforce/two-contacts.xml")) {
            return in.readAllBytes();
        }
    }
}
