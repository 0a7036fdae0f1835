package io.tidings.zendesk.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tidings.customer.Customer;
import io.tidings.customer.CustomerProfile;
import io.tidings.customer.ExternalRefs;
import io.tidings.preference.Channel;
import io.tidings.support.CustomerReply;
import io.tidings.support.TicketReference;
import io.tidings.zendesk.client.VirtualTicker;
import io.tidings.zendesk.client.ZendeskClient;
import io.tidings.zendesk.client.ZendeskCredentials;
import io.tidings.zendesk.client.ZendeskHttp;
import io.tidings.zendesk.client.ZendeskSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Customers' replies landing in Zendesk. */
class ZendeskSupportDeskTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUESTED = "/api/v2/users/1002/tickets/requested";
    private static final CustomerReply REPLY = new CustomerReply(Channel.SMS, "Still no power on our street",
            Instant.parse("2026-11-22T08:30:00Z"), "SM" + "a".repeat(32));

    @RegisterExtension
    static final WireMockExtension zendesk = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @Test
    void theReplyIsACommentByTheRequesterOnTheirMostRecentlyUpdatedOpenTicket() throws Exception {
        zendesk.stubFor(get(urlPathEqualTo(REQUESTED)).willReturn(okJson("""
                {"tickets":[
                  {"id":1,"status":"solved","updated_at":"2026-11-22T08:20:00Z","tags":[]},
                  {"id":2,"status":"open","updated_at":"2026-11-20T08:00:00Z","tags":[]},
                  {"id":3,"status":"pending","updated_at":"2026-11-21T08:00:00Z","tags":[]},
                  {"id":4,"status":"closed","updated_at":"2026-11-22T08:25:00Z","tags":[]}],
                 "next_page":null,"count":4}""")));
        zendesk.stubFor(put(urlPathEqualTo("/api/v2/tickets/3")).willReturn(okJson(
                "{\"ticket\":{\"id\":3,\"status\":\"open\",\"updated_at\":\"2026-11-22T08:30:01Z\",\"tags\":[]}}")));

        TicketReference reference = desk().recordReply(customer(), REPLY);

        assertThat(reference).isEqualTo(new TicketReference("zendesk", "3", false));
        JsonNode change = JSON.readTree(zendesk.findAll(putRequestedFor(urlPathEqualTo("/api/v2/tickets/3")))
                .getFirst().getBodyAsString());
        assertThat(change).isEqualTo(JSON.readTree("""
                {"ticket":{"comment":{"body":"Still no power on our street","author_id":1002,"public":true}}}"""));
    }

    @Test
    void withoutAnOpenTicketTheReplyOpensOne() throws Exception {
        zendesk.stubFor(get(urlPathEqualTo(REQUESTED)).willReturn(okJson("""
                {"tickets":[{"id":1,"status":"solved","updated_at":"2026-11-22T08:20:00Z","tags":[]}],"next_page":null}""")));
        zendesk.stubFor(post(urlPathEqualTo("/api/v2/tickets")).willReturn(okJson(
                "{\"ticket\":{\"id\":35437,\"status\":\"new\",\"updated_at\":\"2026-11-22T08:30:01Z\",\"tags\":[]}}")
                .withStatus(201)));

        TicketReference reference = desk().recordReply(customer(), REPLY);

        assertThat(reference).isEqualTo(new TicketReference("zendesk", "35437", true));
        JsonNode ticket = JSON.readTree(zendesk.findAll(postRequestedFor(urlPathEqualTo("/api/v2/tickets")))
                .getFirst().getBodyAsString()).path("ticket");
        assertThat(ticket.path("requester_id").asLong()).isEqualTo(1002);
        assertThat(ticket.at("/comment/author_id").asLong()).isEqualTo(1002);
        assertThat(ticket.at("/comment/body").asText()).isEqualTo("Still no power on our street");
        assertThat(ticket.path("external_id").asText()).isEqualTo(REPLY.providerMessageId());
        assertThat(ticket.path("tags").toString()).contains("tidings_reply_sms");
    }

    private static Customer customer() {
        Instant now = Instant.parse("2026-11-01T00:00:00Z");
        return new Customer(UUID.randomUUID(), new CustomerProfile(new ExternalRefs("1002", null, null), null, null,
                null, null, null, null, null), now, now);
    }

    private static ZendeskSupportDesk desk() {
        return new ZendeskSupportDesk(new ZendeskClient(new ZendeskHttp(new ZendeskSettings(URI.create(zendesk.baseUrl()),
                new ZendeskCredentials.ApiToken("ops@example.com", "token"), 100_000), new VirtualTicker())));
    }
}
