package io.tidings.app.demo;

import io.helidon.config.mp.MpConfigSources;
import io.tidings.app.cli.InstallZendesk;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tidings install zendesk} against the demo's sandbox Zendesk, which remembers what it is given. */
class InstallZendeskTest {

    @Test
    void theDryRunListsThePlanTheInstallCarriesItOutAndASecondRunFindsEverything() {
        try (Sandbox zendesk = Sandbox.start("zendesk", new ZendeskSandboxState())) {
            Config config = ConfigProviderResolver.instance().getBuilder().withSources(MpConfigSources.create(Map.of(
                    "tidings.zendesk.base-url", zendesk.baseUrl(),
                    "tidings.zendesk.email", "admin@example.com",
                    "tidings.zendesk.api-token", "install-test-token",
                    "tidings.zendesk.webhook-url", "https://tidings.example.com/webhooks/zendesk"))).build();

            Run dryRun = run(config, "zendesk", "--dry-run");
            Run install = run(config, "zendesk");
            Run again = run(config, "zendesk");

            assertThat(dryRun.status).isZero();
            assertThat(dryRun.out).contains("(dry run: nothing is changed)").contains("Would create 22:")
                    .contains("+ user field tidings_sms_opt_in (checkbox)")
                    .contains("+ webhook \"Tidings\" POST https://tidings.example.com/webhooks/zendesk")
                    .contains("+ trigger \"Tidings: ticket status changed\"");
            assertThat(install.out).contains("Would create 22:").contains("Created 22.")
                    .contains("TIDINGS_ZENDESK_WEBHOOK_SECRET=" + ZendeskSandboxState.DEMO_SIGNING_SECRET);
            assertThat(again.out).contains("Nothing to create").contains("= webhook https://tidings.example.com/webhooks/zendesk")
                    .doesNotContain("Created");
        }
    }

    @Test
    void withoutAnAccountItSaysWhatToSet() {
        Config empty = ConfigProviderResolver.instance().getBuilder().build();

        Run run = run(empty, "zendesk", "--dry-run");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("tidings.zendesk.webhook-url");
        assertThat(run(empty, "salesforce").status).isEqualTo(2);
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(Config config, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = InstallZendesk.run(List.of(args), config, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
