package io.tidings.app.zendesk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Zendesk app package against the rules Zendesk's validator applies when an app is uploaded
 * or checked with {@code zcli apps:validate} (zendesk_apps_support's manifest, translation and
 * secure-setting checks). {@code zcli apps:validate} itself needs a Zendesk account and runs in
 * {@link ZcliValidationTest} when one is configured; these checks run everywhere.
 */
class ZendeskAppPackageTest {

    private static final Path APP = SidebarPages.APP;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-\\w{2,3})?");
    private static final Set<String> PARAMETER_TYPES = Set.of("text", "password", "checkbox", "url", "number", "multiline", "hidden");
    private static final Set<String> SUPPORT_LOCATIONS = Set.of("ticket_sidebar", "new_ticket_sidebar", "user_sidebar",
            "organization_sidebar", "top_bar", "nav_bar", "ticket_editor", "background", "modal");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(token|key|pwd|password).*");
    private static final Pattern LOCAL_ASSET = Pattern.compile("(?:src|href)=\"([^\":]+)\"");

    @Test
    void theManifestHasWhatZendeskRequires() throws IOException {
        JsonNode manifest = manifest();

        JsonNode author = manifest.path("author");
        for (String field : List.of("name", "email", "url")) {
            assertThat(author.path(field).isTextual()).as("author.%s", field).isTrue();
        }
        assertThat(URI.create(author.path("url").asText()).getScheme()).isEqualTo("https");
        assertThat(manifest.path("frameworkVersion").asText()).as("frameworkVersion Zendesk serves").isEqualTo("2.0");
        assertThat(manifest.path("version").isTextual()).as("version is a string").isTrue();
        for (String flag : List.of("private", "singleInstall", "signedUrls", "requirementsOnly", "marketingOnly")) {
            assertThat(manifest.path(flag).isMissingNode() || manifest.path(flag).isBoolean()).as(flag).isTrue();
        }
        String locale = manifest.path("defaultLocale").asText();
        assertThat(locale).matches(LOCALE);
        assertThat(APP.resolve("translations/" + locale + ".json")).as("translation of the default locale").isRegularFile();
        assertThat(manifest.path("domainWhitelist").isArray()).isTrue();
        manifest.path("domainWhitelist").forEach(domain -> assertThat(domain.isTextual()).isTrue());
        assertThat(manifest.has("noTemplate")).as("iframe-only v2 apps have no templates").isFalse();
        assertThat(APP.resolve("templates")).doesNotExist();
    }

    @Test
    void theTicketSidebarIsAnIframePageInsideThePackage() throws IOException {
        JsonNode locations = manifest().path("location");

        assertThat(names(locations)).containsExactly("support");
        assertThat(names(locations.path("support"))).isSubsetOf(SUPPORT_LOCATIONS).contains("ticket_sidebar");
        for (JsonNode location : locations.path("support")) {
            String url = location.path("url").asText();
            assertThat(url).startsWith("assets/");
            assertThat(APP.resolve(url)).isRegularFile();
            assertThat(location.path("flexible").isMissingNode() || location.path("flexible").isBoolean()).isTrue();
        }
    }

    @Test
    void theApiKeyIsASecureSettingOnlyEverSentInAHeader() throws IOException {
        JsonNode parameters = manifest().path("parameters");
        assertThat(parameters.isArray()).isTrue();

        Set<String> names = new HashSet<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            assertThat(names.add(name)).as("parameter %s named once", name).isTrue();
            assertThat(name).isNotEqualTo("name");
            String type = parameter.path("type").asText("text");
            assertThat(PARAMETER_TYPES).as("type of %s", name).contains(type);
            boolean secure = parameter.path("secure").asBoolean(false);
            if (SECRET_NAME.matcher(name).matches()) {
                assertThat(secure).as("%s looks like a secret, so it must be secure", name).isTrue();
            }
            if (secure || type.equals("hidden")) {
                assertThat(parameter.has("default")).as("%s: secure and hidden settings have no default", name).isFalse();
            }
            if (secure) {
                assertThat(parameter.path("scopes")).as("%s: where Zendesk may put it", name).containsExactly(JSON.valueToTree("header"));
            }
        }
        assertThat(names).containsExactlyInAnyOrder("tidings_base_url", "tidings_api_key");
    }

    @Test
    void translationsNameTheAppAndLabelEverySetting() throws IOException {
        List<Path> translations;
        try (Stream<Path> files = Files.list(APP.resolve("translations"))) {
            translations = files.toList();
        }
        assertThat(translations).isNotEmpty();
        for (Path file : translations) {
            assertThat(file.getFileName().toString().replaceFirst("\\.json$", "")).matches(LOCALE);
            assertThat(JSON.readTree(file.toFile()).isObject()).as("%s is a JSON object", file).isTrue();
        }
        JsonNode app = JSON.readTree(APP.resolve("translations/en.json").toFile()).path("app");
        for (String key : List.of("name", "short_description", "long_description", "installation_instructions")) {
            assertThat(app.path(key).asText()).as("app.%s", key).isNotBlank();
        }
        for (JsonNode parameter : manifest().path("parameters")) {
            assertThat(app.path("parameters").path(parameter.path("name").asText()).path("label").asText())
                    .as("label of %s", parameter.path("name").asText()).isNotBlank();
        }
    }

    @Test
    void thePageLoadsTheZafSdkAndOnlyAssetsInThePackage() throws IOException {
        String page = Files.readString(APP.resolve("assets/iframe.html"));

        assertThat(page).contains("<script src=\"" + SidebarPages.ZAF_SDK + "\"></script>");
        List<String> local = new ArrayList<>();
        Matcher reference = LOCAL_ASSET.matcher(page);
        while (reference.find()) {
            local.add(reference.group(1));
        }
        assertThat(local).isNotEmpty().allSatisfy(asset -> assertThat(APP.resolve("assets").resolve(asset)).isRegularFile());
    }

    @Test
    void thePageAndScriptsNameNoPlainHttpAddress() throws IOException {
        try (Stream<Path> assets = Files.list(APP.resolve("assets"))) {
            for (Path asset : assets.filter(path -> path.toString().matches(".*\\.(html|js)$")).toList()) {
                assertThat(Files.readString(asset)).as("Zendesk warns about http:// in %s", asset).doesNotContain("http://");
            }
        }
    }

    private static JsonNode manifest() throws IOException {
        assertThat(APP.resolve("manifest.json")).as("the app at %s", APP.toAbsolutePath()).isRegularFile();
        JsonNode manifest = JSON.readTree(APP.resolve("manifest.json").toFile());
        assertThat(manifest.isObject()).isTrue();
        return manifest;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
