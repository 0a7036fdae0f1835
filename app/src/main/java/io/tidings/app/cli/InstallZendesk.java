package io.tidings.app.cli;

import io.tidings.zendesk.client.ZendeskClient;
import io.tidings.zendesk.client.ZendeskHttp;
import io.tidings.zendesk.client.ZendeskSettings;
import io.tidings.zendesk.install.InstallPlan;
import io.tidings.zendesk.install.InstallResult;
import io.tidings.zendesk.install.ZendeskInstaller;
import org.eclipse.microprofile.config.Config;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * {@code tidings install zendesk [--dry-run]}: prints what Tidings needs in the configured Zendesk
 * account and, without {@code --dry-run}, creates what is missing. The webhook points at
 * {@code tidings.zendesk.webhook-url}.
 */
public final class InstallZendesk {

    private InstallZendesk() {
    }

    /** Runs the command; answers the exit status. */
    public static int run(List<String> args, Config config, PrintStream out, PrintStream err) {
        boolean dryRun = args.contains("--dry-run");
        if (args.isEmpty() || !args.getFirst().equals("zendesk")
                || args.stream().skip(1).anyMatch(arg -> !arg.equals("--dry-run"))) {
            err.println("Usage: tidings install zendesk [--dry-run]");
            return 2;
        }
        Optional<ZendeskSettings> settings = ZendeskSettings.from(config);
        Optional<String> webhookUrl = config.getOptionalValue("tidings.zendesk.webhook-url", String.class);
        if (settings.isEmpty() || webhookUrl.isEmpty()) {
            err.println("Set tidings.zendesk.base-url (or .subdomain), tidings.zendesk.email with "
                    + "tidings.zendesk.api-token (or tidings.zendesk.oauth-token), and tidings.zendesk.webhook-url, "
                    + "e.g. TIDINGS_ZENDESK_WEBHOOK_URL=https://tidings.example.com/webhooks/zendesk");
            return 2;
        }
        ZendeskInstaller installer = new ZendeskInstaller(new ZendeskClient(ZendeskHttp.of(settings.get())),
                URI.create(webhookUrl.get()));
        InstallPlan plan = installer.plan();
        out.println("Zendesk account " + settings.get().baseUrl() + (dryRun ? " (dry run: nothing is changed)" : ""));
        plan.lines().forEach(out::println);
        if (dryRun || plan.complete()) {
            return 0;
        }
        InstallResult result = installer.install(plan);
        out.println("Created " + result.created().size() + ".");
        if (result.signingSecret() != null) {
            out.println("The webhook signs its requests with this secret (shown once); give it to Tidings as");
            out.println("  TIDINGS_ZENDESK_WEBHOOK_SECRET=" + result.signingSecret());
            out.println("(during a rotation, list the new secret first: new,old).");
        }
        return 0;
    }
}
