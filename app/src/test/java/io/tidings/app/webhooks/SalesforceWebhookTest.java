package io.tidings.app.webhooks;

import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Salesforce Outbound Messages posted over HTTP as Salesforce sends them. */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:salesforce-webhooks;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AddConfig(key = "tidings.salesforce.organization-id", value = "00D5e000000KQ2e")
class SalesforceWebhookTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ACK = "<notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\">"
            + "<Ack>true</Ack></notificationsResponse>";

    @Inject
    WebTarget server;

    @Inject
    Jdbi jdbi;

    @BeforeEach
    void emptyInbox() {
        jdbi.useHandle(handle -> handle.execute("delete from inbox"));
    }

    @Test
    void storesEveryNotificationThenAcknowledges() throws Exception {
        HttpResponse<String> response = post(twoContacts());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        assertThat(response.body()).contains("<soapenv:Body>" + ACK + "</soapenv:Body>");
        assertThat(storedIds()).containsExactly("04l5e00000Gx7QzAAJ", "04l5e00000Gx7R0AAJ");
    }

    @Test
    void aRedeliveryStoresNothingNewAndStillAcknowledges() throws Exception {
        post(twoContacts());

        HttpResponse<String> again = post(twoContacts());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains(ACK);
        assertThat(storedIds()).hasSize(2);
    }

    @Test
    void refusesAnotherOrgWithAProblemAndStoresNothing() throws Exception {
        String otherOrg = new String(twoContacts(), StandardCharsets.UTF_8).replace("00D5e000000KQ2eEAG", "00D000000000001AAA");

        HttpResponse<String> response = post(otherOrg.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("Ack");
        assertThat(storedIds()).isEmpty();
    }

    @Test
    void refusesXmlWithADoctypeAsMalformed() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>&x;</OrganizationId>"
                + "</notifications>";

        HttpResponse<String> response = post(xxe.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("root:");
        assertThat(storedIds()).isEmpty();
    }

    private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getUri() + "/webhooks/salesforce"))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .header("Accept", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> storedIds() {
        return jdbi.withHandle(handle -> handle.createQuery("select source_event_id from inbox where source = 'salesforce' "
                + "order by source_event_id").mapTo(String.class).list());
    }

    private static byte[] twoContacts() throws IOException {
        try (InputStream in = SalesforceWebhookTest.class.getResourceAsStream("/salesforce/two-contacts.xml")) {
            return in.readAllBytes();
        }
    }
}
