package io.tidings.zendesk.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tidings.zendesk.client.VirtualTicker;
import io.tidings.zendesk.client.ZendeskClient;
import io.tidings.zendesk.client.ZendeskCredentials;
import io.tidings.zendesk.client.ZendeskHttp;
import io.tidings.zendesk.client.ZendeskSettings;
import io.tidings.zendesk.sync.SyncedField;
import io.tidings.zendesk.sync.TidingsUserFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The installer against a fake Zendesk account. */
class ZendeskInstallerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI ENDPOINT = URI.create("https://tidings.example.com/webhooks/zendesk");

    @RegisterExtension
    static final WireMockExtension zendesk = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @Test
    void theDryRunOfAnEmptyAccountListsEveryFieldTheWebhookAndTheTriggersAndCreatesNothing() {
        account("[]", "[]", "[]");

        InstallPlan plan = installer().plan();

        assertThat(plan.toCreate()).hasSize(TidingsUserFields.ALL.size() + 1 + TidingsTrigger.ALL.size());
        assertThat(plan.lines()).contains("  + user field tidings_sms_opt_in (checkbox) \"Tidings: marketing consent by sms\"")
                .contains("  + user field tidings_quiet_hours (text) \"Tidings: quiet hours\"")
                .anyMatch(line -> line.startsWith("  + webhook \"Tidings\" POST " + ENDPOINT))
                .anyMatch(line -> line.startsWith("  + trigger \"Tidings: ticket status changed\" sending {\"id\":"));
        assertThat(zendesk.findAll(postRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void installCreatesOnlyWhatIsMissingAndPointsTheTriggersAtTheNewWebhook() throws Exception {
        account("[{\"id\":7,\"key\":\"tidings_sms_opt_in\",\"type\":\"checkbox\",\"title\":\"Edited by an admin\"}]",
                "[{\"id\":\"01OTHER\",\"name\":\"Other\",\"endpoint\":\"https://other.example.com/hook\"}]",
                "[{\"id\":3,\"title\":\"Tidings: public comment added\"}]");
        zendesk.stubFor(post(urlPathEqualTo("/api/v2/user_fields")).willReturn(okJson(
                "{\"user_field\":{\"id\":99,\"key\":\"x\",\"type\":\"checkbox\",\"title\":\"x\"}}")));
        zendesk.stubFor(post(urlPathEqualTo("/api/v2/webhooks")).willReturn(okJson(
                "{\"webhook\":{\"id\":\"01GDXYD7ZTWYP2XZ3E4M0P3RW5\",\"name\":\"Tidings\",\"status\":\"active\"}}")
                .withStatus(201)));
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/webhooks/01GDXYD7ZTWYP2XZ3E4M0P3RW5/signing_secret"))
                .willReturn(okJson("{\"signing_secret\":{\"algorithm\":\"SHA256\",\"secret\":\"dGhlLXNpZ25pbmctc2VjcmV0\"}}")));
        zendesk.stubFor(post(urlPathEqualTo("/api/v2/triggers")).willReturn(okJson(
                "{\"trigger\":{\"id\":4,\"title\":\"Tidings: ticket status changed\"}}").withStatus(201)));
        ZendeskInstaller installer = installer();

        InstallResult result = installer.install(installer.plan());

        List<JsonNode> fields = bodies("/api/v2/user_fields");
        assertThat(fields).hasSize(TidingsUserFields.ALL.size() - 1)
                .noneMatch(field -> field.at("/user_field/key").asText().equals("tidings_sms_opt_in"));
        assertThat(fields.stream().map(field -> field.at("/user_field/key").asText()).collect(Collectors.toSet()))
                .containsAll(TidingsUserFields.ALL.stream().map(SyncedField::key)
                        .filter(key -> !key.equals("tidings_sms_opt_in")).toList());
        JsonNode webhook = bodies("/api/v2/webhooks").getFirst().path("webhook");
        assertThat(webhook.path("endpoint").asText()).isEqualTo(ENDPOINT.toString());
        assertThat(webhook.path("request_format").asText()).isEqualTo("json");
        List<JsonNode> triggers = bodies("/api/v2/triggers");
        assertThat(triggers).hasSize(1);
        JsonNode action = triggers.getFirst().at("/trigger/actions/0");
        assertThat(action.path("field").asText()).isEqualTo("notification_webhook");
        assertThat(action.path("value").get(0).asText()).isEqualTo("01GDXYD7ZTWYP2XZ3E4M0P3RW5");
        JsonNode body = JSON.readTree(action.path("value").get(1).asText());
        assertThat(body.path("type").asText()).isEqualTo("tidings:trigger:ticket.status_changed");
        assertThat(body.at("/detail/requester_id").asText()).isEqualTo("{{ticket.requester.id}}");
        assertThat(result.signingSecret()).isEqualTo("dGhlLXNpZ25pbmctc2VjcmV0");
        assertThat(result.toString()).doesNotContain("dGhlLXNpZ25pbmctc2VjcmV0");
    }

    @Test
    void aSecondRunFindsEverythingAndCreatesNothing() {
        String fields = TidingsUserFields.ALL.stream()
                .map(field -> "{\"id\":1,\"key\":\"" + field.key() + "\",\"type\":\"" + field.type() + "\",\"title\":\"t\"}")
                .collect(Collectors.joining(",", "[", "]"));
        String triggers = TidingsTrigger.ALL.stream().map(trigger -> "{\"id\":2,\"title\":\"" + trigger.title() + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        account(fields, "[{\"id\":\"01TIDINGS\",\"name\":\"Tidings\",\"endpoint\":\"" + ENDPOINT + "\"}]", triggers);
        ZendeskInstaller installer = installer();

        InstallPlan plan = installer.plan();
        InstallResult result = installer.install(plan);

        assertThat(plan.complete()).isTrue();
        assertThat(plan.lines().getFirst()).isEqualTo("Nothing to create: everything Tidings needs is there.");
        assertThat(result.created()).isEmpty();
        assertThat(result.signingSecret()).isNull();
        assertThat(zendesk.findAll(postRequestedFor(anyUrl()))).isEmpty();
    }

    private static void account(String userFields, String webhooks, String triggers) {
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/user_fields")).willReturn(okJson(
                "{\"user_fields\":" + userFields + ",\"next_page\":null,\"previous_page\":null}")));
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/webhooks")).willReturn(okJson(
                "{\"webhooks\":" + webhooks + ",\"meta\":{\"has_more\":false},\"links\":{\"next\":null,\"prev\":null}}")));
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/triggers")).willReturn(okJson(
                "{\"triggers\":" + triggers + ",\"next_page\":null,\"previous_page\":null}")));
    }

    private static List<JsonNode> bodies(String path) {
        return zendesk.findAll(postRequestedFor(urlPathEqualTo(path))).stream().map(request -> {
            try {
                return JSON.readTree(request.getBodyAsString());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static ZendeskInstaller installer() {
        return new ZendeskInstaller(new ZendeskClient(new ZendeskHttp(new ZendeskSettings(URI.create(zendesk.baseUrl()),
                new ZendeskCredentials.ApiToken("admin@example.com", "token"), 100_000), new VirtualTicker())), ENDPOINT);
    }
}
