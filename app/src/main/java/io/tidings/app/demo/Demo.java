package io.tidings.app.demo;

import io.helidon.microprofile.server.Server;
import io.tidings.client.model.Incident;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Demo mode: sandboxes for Zendesk, Salesforce, Twilio and Firebase on local ports, the server on the
 * embedded database, a few seeded customers, and a printed list of things to try.
 */
public final class Demo {

    /** Not a secret: the demo only listens for this key when TIDINGS_ADMIN_KEY is not set. */
    static final String DEMO_ADMIN_KEY = "tdk_demo_admin_key_for_local_use_only";
    static final String DEMO_ORGANIZATION_ID = "00D000000000001AAA";
    /** Any AC sid works: the Twilio sandbox answers every account. */
    static final String DEMO_TWILIO_ACCOUNT_SID = "AC" + "d".repeat(32);
    /** Not a secret: signs the sandbox's status callbacks and the demo's curl lines. */
    static final String DEMO_TWILIO_AUTH_TOKEN = "demo-twilio-auth-token";
    static final String DEMO_FCM_PROJECT = "tidings-demo";

    private Demo() {
    }

    public static Server start() {
        Sandbox zendesk = Sandbox.start("zendesk", new ZendeskSandboxState());
        Sandbox salesforce = Sandbox.start("salesforce");
        Sandbox twilio = Sandbox.start("twilio", new SandboxStatusCallbacks(DEMO_TWILIO_AUTH_TOKEN));
        Sandbox firebase = Sandbox.start("firebase");
        List<Sandbox> sandboxes = List.of(zendesk, salesforce, twilio, firebase);
        // A key made now and held in memory only: the sandbox FCM takes any well-formed assertion.
        ThrowawayServiceAccount fcmAccount = ThrowawayServiceAccount.generate(DEMO_FCM_PROJECT,
                URI.create(firebase.baseUrl() + "/token"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> sandboxes.forEach(Sandbox::close), "demo-sandboxes-stop"));

        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        Config config = resolver.getBuilder()
                .addDefaultSources()
                .addDiscoveredSources()
                .addDiscoveredConverters()
                .withSources(new DemoConfigSource(Map.ofEntries(
                        Map.entry("tidings.admin-key", DEMO_ADMIN_KEY),
                        Map.entry("tidings.zendesk.base-url", zendesk.baseUrl()),
                        Map.entry("tidings.zendesk.webhook-secret", "demo-zendesk-signing-secret"),
                        Map.entry("tidings.salesforce.login-url", salesforce.baseUrl()),
                        Map.entry("tidings.salesforce.organization-id", DEMO_ORGANIZATION_ID),
                        Map.entry("tidings.salesforce.events-secret", "whsec_ZGVtby1zYWxlc2ZvcmNlLWZsb3ctc2lnbmluZy1rZXk="),
                        Map.entry("tidings.webhooks.allow-private-addresses", "true"),
                        Map.entry("tidings.twilio.base-url", twilio.baseUrl()),
                        Map.entry("tidings.twilio.account-sid", DEMO_TWILIO_ACCOUNT_SID),
                        Map.entry("tidings.twilio.auth-token", DEMO_TWILIO_AUTH_TOKEN),
                        Map.entry("tidings.twilio.from", "+15005550006"),
                        Map.entry("tidings.providers.sms", "twilio-sms"),
                        Map.entry("tidings.providers.whatsapp", "twilio-sms"),
                        Map.entry("tidings.public-base-url", "http://localhost:8080"),
                        Map.entry("tidings.zendesk.email", "tidings@example.com"),
                        Map.entry("tidings.zendesk.api-token", "demo-zendesk-api-token"),
                        Map.entry("tidings.zendesk.drift.poll-interval", "PT10S"),
                        Map.entry("tidings.fcm.service-account", fcmAccount.json()),
                        Map.entry("tidings.fcm.base-url", firebase.baseUrl()),
                        Map.entry("tidings.providers.push", "fcm"),
                        Map.entry("tidings.providers.in-app", "in-app"))))
                .build();
        resolver.registerConfig(config, Thread.currentThread().getContextClassLoader());

        Server server = Server.builder().config(config).build().start();
        if (server.port() < 0) {
            return server;
        }
        String baseUrl = "http://localhost:" + server.port();
        String adminKey = config.getValue("tidings.admin-key", String.class);
        UUID amara = DemoCustomers.seed(baseUrl, adminKey).getResults().getFirst().getId();
        DemoPreferences.apply(baseUrl, adminKey, amara);
        UUID jonas = DemoPush.registerPhone(baseUrl, adminKey);
        Incident outage = DemoIncidents.seed(baseUrl, adminKey);
        System.out.println(DemoBanner.text(baseUrl, adminKey, sandboxes, DemoPreferences.tryLines(baseUrl, adminKey, amara)
                + DemoPush.tryLines(baseUrl, adminKey, jonas) + DemoIncidents.tryLines(baseUrl, adminKey, outage)));
        return server;
    }
}
