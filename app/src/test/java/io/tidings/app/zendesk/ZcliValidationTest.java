package io.tidings.app.zendesk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zcli apps:validate} on the Zendesk app. ZCLI validates by uploading the package to the
 * account's {@code /api/v2/apps/validate}, so it needs a Zendesk account: the test runs when
 * ZCLI's own variables ZENDESK_SUBDOMAIN, ZENDESK_EMAIL and ZENDESK_API_TOKEN are set, and
 * fetches ZCLI from npm with npx. Without them it answers "Authorization failed. Set the
 * following environment variables: ZENDESK_SUBDOMAIN, ZENDESK_EMAIL, ZENDESK_API_TOKEN";
 * {@link ZendeskAppPackageTest} checks the same rules locally.
 */
@EnabledIfEnvironmentVariable(named = "ZENDESK_SUBDOMAIN", matches = ".+")
@EnabledIfEnvironmentVariable(named = "ZENDESK_EMAIL", matches = ".+")
@EnabledIfEnvironmentVariable(named = "ZENDESK_API_TOKEN", matches = ".+")
class ZcliValidationTest {

    private static final String ZCLI = "@zendesk/zcli@1.0.1";

    @Test
    void zendeskFindsNoValidationErrors() throws Exception {
        // ZCLI writes its zip into the app folder (and leaves it there when validation fails).
        Path copy = copyOfTheApp(Path.of("target", "zendesk-app"));
        Path output = Files.createTempFile("zcli-validate", ".log");

        Process zcli = new ProcessBuilder(List.of("npx", "--yes", ZCLI, "apps:validate", copy.toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = zcli.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            zcli.destroyForcibly();
        }
        String said = Files.readString(output);

        assertThat(finished).as("zcli finished within 5 minutes: %s", said).isTrue();
        assertThat(zcli.exitValue()).as(said).isZero();
        assertThat(said).contains("No validation errors");
    }

    private static Path copyOfTheApp(Path target) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                old.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(SidebarPages.APP)) {
            for (Path source : files.toList()) {
                Path destination = target.resolve(SidebarPages.APP.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
