package io.tidings.app.zendesk;

import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.tidings.app.api.TidingsApi;
import io.tidings.app.webhooks.ZendeskSigning;
import io.tidings.client.ApiClient;
import io.tidings.client.ApiException;
import io.tidings.client.api.ApiKeysApi;
import io.tidings.client.api.ConsentsApi;
import io.tidings.client.api.CustomersApi;
import io.tidings.client.api.IncidentsApi;
import io.tidings.client.api.NotificationsApi;
import io.tidings.client.api.PreferencesApi;
import io.tidings.client.model.ApiKeyInput;
import io.tidings.client.model.Category;
import io.tidings.client.model.Channel;
import io.tidings.client.model.ChannelChoice;
import io.tidings.client.model.ConsentInput;
import io.tidings.client.model.ConsentPurpose;
import io.tidings.client.model.ConsentRecord;
import io.tidings.client.model.ConsentSource;
import io.tidings.client.model.ConsentStatus;
import io.tidings.client.model.Customer;
import io.tidings.client.model.CustomerInput;
import io.tidings.client.model.ExternalRefs;
import io.tidings.client.model.Incident;
import io.tidings.client.model.IncidentInput;
import io.tidings.client.model.IncidentKind;
import io.tidings.client.model.IncidentScope;
import io.tidings.client.model.IncidentSeverity;
import io.tidings.client.model.IncidentStatus;
import io.tidings.client.model.IncidentUpdateInput;
import io.tidings.client.model.NotificationLogEntry;
import io.tidings.client.model.PreferenceChange;
import io.tidings.client.model.PreferencesInput;
import io.tidings.client.model.QuietHoursSetting;
import io.tidings.client.model.Region;
import io.tidings.client.model.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Zendesk sidebar page in a real headless Chromium against the running server: it shows the
 * ticket requester as Tidings holds them, with the incidents affecting them, and the agent's
 * changes land in Tidings with the ticket and agent as evidence. Zendesk itself is played by a fake ZAF client (test resource
 * {@code zaf/zaf_sdk_fake.js}); the page's own code is served unchanged.
 */
@ExtendWith(HeadlessChromium.Installed.class)
@HelidonTest
@AddBean(SidebarPages.class)
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:zendesk-sidebar" + TidingsApi.H2_MODE)
@AddConfig(key = "tidings.admin-key", value = TidingsApi.ADMIN_KEY)
@AddConfig(key = "tidings.zendesk.webhook-secret", value = ZendeskSidebarBrowserTest.WEBHOOK_SECRET)
@AddConfig(key = "tidings.inbox.poll-interval", value = "PT0.1S")
class ZendeskSidebarBrowserTest {

    static final String WEBHOOK_SECRET = "sidebar-test-zendesk-signing-secret";
    private static final String REQUESTER = "4242";
    private static final String TICKET = "35436";
    private static final String AGENT = "9001";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static ChromeDriver browser;

    @Inject
    WebTarget server;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsTheRequesterAndRecordsTheAgentsChangesInTidings() throws Exception {
        ApiClient admin = TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY);
        String agentKey = new ApiKeysApi(admin).createApiKey(new ApiKeyInput().name("zendesk sidebar").role(Role.AGENT)).getKey();
        Customer customer = new CustomersApi(admin).createCustomer(new CustomerInput()
                .externalRefs(new ExternalRefs().zendeskUserId(REQUESTER))
                .email("requester@example.com").timeZone("Europe/Berlin")
                .region(new Region().country("DE").subdivision("DE-BE")).services(Set.of("broadband")));
        IncidentsApi incidents = new IncidentsApi(admin);
        Incident outage = incidents.declareIncident(new IncidentInput().title("Broadband down in Berlin")
                .kind(IncidentKind.UNPLANNED_OUTAGE).severity(IncidentSeverity.CRITICAL).message("Engineers are on site.")
                .scope(new IncidentScope().services(Set.of("broadband")).regions(Set.of("DE-BE"))));
        incidents.postIncidentUpdate(outage.getId(), new IncidentUpdateInput().status(IncidentStatus.IDENTIFIED)
                .message("A cut fibre near Alexanderplatz."));
        incidents.declareIncident(new IncidentInput().title("Mobile data slow in Bavaria").kind(IncidentKind.PARTIAL_DISRUPTION)
                .severity(IncidentSeverity.MINOR).message("Looking into it.")
                .scope(new IncidentScope().regions(Set.of("DE-BY"))));
        new PreferencesApi(admin).replacePreferences(customer.getId(), new PreferencesInput()
                .addChoicesItem(new ChannelChoice().category(Category.PROMOTIONAL).channel(Channel.EMAIL).enabled(true))
                .addQuietHoursItem(new QuietHoursSetting().channel(Channel.SMS).start("21:00").end("08:00")));
        new ConsentsApi(admin).recordConsent(customer.getId(), new ConsentInput().purpose(ConsentPurpose.MARKETING)
                .status(ConsentStatus.GRANTED).source(ConsentSource.PREFERENCE_CENTRE).addChannelsItem(Channel.EMAIL));
        NotificationLogEntry decided = firstDecisionAfterTicketSolved(admin, customer.getId());

        browser.get(sidebarUrl(agentKey));
        WebDriverWait wait = patiently();
        wait.until(page -> !text("status").startsWith("Loading"));

        assertThat(text("status")).isEmpty();
        assertThat(text("customer-summary")).contains("Zendesk user " + REQUESTER).contains("Europe/Berlin");
        assertThat(choice("PROMOTIONAL", "EMAIL").getAttribute("data-enabled")).isEqualTo("true");
        assertThat(text("quiet-hours")).contains("SMS").contains("21:00").contains("08:00");
        assertThat(browser.findElement(By.cssSelector("#consent-states tr[data-purpose='marketing'][data-channel='EMAIL']"))
                .getAttribute("data-status")).isEqualTo("GRANTED");
        List<WebElement> shownIncidents = browser.findElements(By.cssSelector("#incident-list > li"));
        assertThat(shownIncidents).as("only the incident affecting the requester").hasSize(1);
        WebElement shown = shownIncidents.getFirst();
        assertThat(shown.getAttribute("data-incident-id")).isEqualTo(outage.getId().toString());
        assertThat(shown.getAttribute("data-status")).isEqualTo("IDENTIFIED");
        assertThat(shown.getText()).contains("Broadband down in Berlin", "critical unplanned outage", "identified", "since ",
                "A cut fibre near Alexanderplatz.");
        assertThat(browser.findElement(By.id("incidents-empty")).isDisplayed()).isFalse();
        WebElement notification = browser.findElement(By.cssSelector("#notification-list > li"));
        assertThat(notification.getAttribute("data-outcome")).isEqualTo(decided.getOutcome().getValue());
        assertThat(notification.getText()).contains(decided.getReason());

        choose("preference-form", "category", "PROMOTIONAL");
        choose("preference-form", "channel", "SMS");
        choose("preference-form", "enabled", "true");
        browser.findElement(By.cssSelector("#preference-form button")).click();
        wait.until(page -> text("status").equals("Preference saved."));

        PreferencesApi preferences = new PreferencesApi(admin);
        assertThat(preferences.getPreferences(customer.getId()).getChoices())
                .contains(new ChannelChoice().category(Category.PROMOTIONAL).channel(Channel.SMS).enabled(true));
        PreferenceChange change = preferences.listPreferenceHistory(customer.getId()).stream()
                .max(Comparator.comparing(PreferenceChange::getVersion)).orElseThrow();
        assertThat(change.getTicketId()).isEqualTo(TICKET);
        assertThat(change.getChangedBy()).isEqualTo("zendesk sidebar");
        assertThat(choice("PROMOTIONAL", "SMS").getAttribute("data-enabled")).isEqualTo("true");

        choose("consent-form", "purpose", "profiling");
        choose("consent-form", "status", "DENIED");
        choose("consent-form", "channel", "SMS");
        browser.findElement(By.cssSelector("#consent-form input[name='note']")).sendKeys("asked on the phone");
        browser.findElement(By.cssSelector("#consent-form button")).click();
        wait.until(page -> text("status").equals("Consent recorded."));

        ConsentRecord recorded = new ConsentsApi(admin).listConsentRecords(customer.getId()).stream()
                .max(Comparator.comparing(ConsentRecord::getSequence)).orElseThrow();
        assertThat(recorded.getPurpose()).isEqualTo(ConsentPurpose.PROFILING);
        assertThat(recorded.getStatus()).isEqualTo(ConsentStatus.DENIED);
        assertThat(recorded.getSource()).isEqualTo(ConsentSource.AGENT);
        assertThat(recorded.getChannels()).containsExactly(Channel.SMS);
        assertThat(recorded.getEvidence().getTicketId()).isEqualTo(TICKET);
        assertThat(recorded.getEvidence().getAgentId()).isEqualTo(AGENT);
        assertThat(recorded.getEvidence().getNote()).isEqualTo("asked on the phone");
        assertThat(browser.findElement(By.cssSelector("#consent-states tr[data-purpose='profiling'][data-channel='SMS']"))
                .getAttribute("data-status")).isEqualTo("DENIED");

        assertThat(requestsThePageMade()).isNotEmpty().allSatisfy(request -> {
            assertThat(request).containsEntry("secure", true);
            assertThat(request.get("headers")).isEqualTo(Map.of("Authorization", "Bearer {{setting.tidings_api_key}}"));
        });
    }

    @Test
    void saysSoWhenNoIncidentAffectsTheRequester() throws ApiException {
        ApiClient admin = TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY);
        String agentKey = new ApiKeysApi(admin).createApiKey(new ApiKeyInput().name("sidebar, calm").role(Role.AGENT)).getKey();
        new CustomersApi(admin).createCustomer(new CustomerInput().externalRefs(new ExternalRefs().zendeskUserId("4343"))
                .timeZone("Europe/Paris").region(new Region().country("FR")).services(Set.of("broadband")));
        new IncidentsApi(admin).declareIncident(new IncidentInput().title("Broadband down in Germany")
                .kind(IncidentKind.UNPLANNED_OUTAGE).severity(IncidentSeverity.MAJOR).message("Investigating.")
                .scope(new IncidentScope().regions(Set.of("DE"))));

        browser.get(sidebarUrl(agentKey).replace("requesterId=" + REQUESTER, "requesterId=4343"));

        patiently().until(page -> !text("status").startsWith("Loading"));
        assertThat(text("status")).isEmpty();
        assertThat(text("incidents-empty")).isEqualTo("No active incidents.");
        assertThat(browser.findElements(By.cssSelector("#incident-list > li"))).isEmpty();
    }

    @Test
    void saysSoWhenTidingsDoesNotKnowTheRequester() throws ApiException {
        ApiClient admin = TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY);
        String agentKey = new ApiKeysApi(admin).createApiKey(new ApiKeyInput().name("sidebar, unknown").role(Role.AGENT)).getKey();

        browser.get(sidebarUrl(agentKey).replace("requesterId=" + REQUESTER, "requesterId=777"));

        patiently().until(page -> text("status").contains("Zendesk user 777"));
        assertThat(text("status")).isEqualTo("Tidings has no customer for this requester (Zendesk user 777).");
        assertThat(browser.findElement(By.id("preferences")).isDisplayed()).isFalse();
    }

    @Test
    void showsTidingsRefusalWhenTheKeyIsRevoked() throws ApiException {
        ApiClient admin = TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY);
        ApiKeysApi keys = new ApiKeysApi(admin);
        var created = keys.createApiKey(new ApiKeyInput().name("sidebar, revoked").role(Role.AGENT));
        keys.revokeApiKey(created.getId());

        browser.get(sidebarUrl(created.getKey()));

        patiently().until(page -> !text("status").startsWith("Loading"));
        assertThat(text("status")).isEqualTo("The API key is unknown or has been revoked.");
        assertThat(browser.findElement(By.id("status")).getAttribute("class")).isEqualTo("error");
    }

    /** A signed Zendesk "ticket solved" delivery, and the decision the inbox worker logs for it. */
    private NotificationLogEntry firstDecisionAfterTicketSolved(ApiClient admin, UUID customerId) throws Exception {
        String time = ZendeskSigning.now();
        String body = "{\"type\":\"zen:event-type:ticket.status_changed\",\"id\":\"" + UUID.randomUUID() + "\","
                + "\"time\":\"" + time + "\",\"subject\":\"zen:ticket:" + TICKET + "\","
                + "\"detail\":{\"id\":\"" + TICKET + "\",\"requester_id\":\"" + REQUESTER + "\",\"status\":\"SOLVED\"},"
                + "\"event\":{\"current\":\"SOLVED\",\"previous\":\"OPEN\"}}";
        HttpResponse<String> delivered = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.getUri().resolve("/webhooks/zendesk"))
                        .header("Content-Type", "application/json")
                        .header("X-Zendesk-Webhook-Signature", ZendeskSigning.signature(WEBHOOK_SECRET, time, body))
                        .header("X-Zendesk-Webhook-Signature-Timestamp", time)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        NotificationsApi notifications = new NotificationsApi(admin);
        Instant giveUp = Instant.now().plus(PATIENCE);
        List<NotificationLogEntry> entries = notifications.listNotificationLog(customerId, 1);
        while (entries.isEmpty() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
            entries = notifications.listNotificationLog(customerId, 1);
        }
        assertThat(entries).as("the inbox worker's decision for the solved ticket").isNotEmpty();
        return entries.getFirst();
    }

    private String sidebarUrl(String agentKey) {
        URI base = server.getUri();
        return base.resolve("/zaf-test/iframe.html") + "?tidingsBaseUrl=" + encode(base.toString())
                + "&apiKey=" + encode(agentKey) + "&ticketId=" + TICKET + "&requesterId=" + REQUESTER + "&agentId=" + AGENT;
    }

    /** Waits for the page, and says what the page showed when it gives up. */
    private static WebDriverWait patiently() {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.withMessage(() -> "the page says: " + text("status"));
        return wait;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    private static WebElement choice(String category, String channel) {
        return browser.findElement(By.cssSelector(
                "#preference-choices li[data-category='" + category + "'][data-channel='" + channel + "']"));
    }

    private static void choose(String form, String field, String value) {
        new Select(browser.findElement(By.cssSelector("#" + form + " select[name='" + field + "']"))).selectByValue(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> requestsThePageMade() {
        return (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript("return window.zafFakeRequests;");
    }
}
