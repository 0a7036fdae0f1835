package io.tidings.zendesk.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tidings.zendesk.client.VirtualTicker;
import io.tidings.zendesk.client.ZendeskClient;
import io.tidings.zendesk.client.ZendeskCredentials;
import io.tidings.zendesk.client.ZendeskHttp;
import io.tidings.zendesk.client.ZendeskSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Routing a ticket and reverting it, against a fake Zendesk. */
class TicketRoutingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TICKET = """
            {"ticket":{"id":35436,"status":"open","group_id":20,"priority":"normal","tags":["billing"],
             "requester_id":1002,"updated_at":"2026-11-22T08:00:00Z"}}""";

    @RegisterExtension
    static final WireMockExtension zendesk = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private TicketRouting routing;

    @BeforeEach
    void setUp() {
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/tickets/35436")).willReturn(okJson(TICKET)));
        zendesk.stubFor(put(urlPathEqualTo("/api/v2/tickets/35436")).willReturn(okJson(TICKET)));
        routing = new TicketRouting(new ZendeskClient(new ZendeskHttp(new ZendeskSettings(URI.create(zendesk.baseUrl()),
                new ZendeskCredentials.OAuth("oauth-token"), 100_000), new VirtualTicker())));
    }

    @Test
    void routingSetsGroupPriorityAndOnlyTheMissingTagsAndRevertPutsThemBack() throws Exception {
        RoutedTicket routed = routing.route(35436, new RoutingTarget(360L, "urgent",
                List.of("tidings_outage", "billing", "tidings_queue_outage_voice")));
        routing.revert(routed);

        List<JsonNode> changes = zendesk.findAll(putRequestedFor(urlPathEqualTo("/api/v2/tickets/35436"))).stream()
                .map(request -> read(request.getBodyAsString()).path("ticket")).toList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).isEqualTo(JSON.readTree("""
                {"group_id":360,"priority":"urgent","additional_tags":["tidings_outage","tidings_queue_outage_voice"]}"""));
        assertThat(changes.get(1)).isEqualTo(JSON.readTree("""
                {"group_id":20,"priority":"normal","remove_tags":["tidings_outage","tidings_queue_outage_voice"]}"""));
        assertThat(routed.addedTags()).containsExactly("tidings_outage", "tidings_queue_outage_voice");
    }

    @Test
    void whatRoutingLeftAloneRevertLeavesAlone() throws Exception {
        RoutedTicket routed = routing.route(35436, new RoutingTarget(null, "high", List.of("billing")));
        routing.revert(routed);

        List<JsonNode> changes = zendesk.findAll(putRequestedFor(urlPathEqualTo("/api/v2/tickets/35436"))).stream()
                .map(request -> read(request.getBodyAsString()).path("ticket")).toList();
        assertThat(changes).containsExactly(JSON.readTree("{\"priority\":\"high\"}"), JSON.readTree("{\"priority\":\"normal\"}"));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
