package io.tidings.zendesk.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidings.zendesk.client.UserField;
import io.tidings.zendesk.client.ZendeskClient;
import io.tidings.zendesk.sync.SyncedField;
import io.tidings.zendesk.sync.TidingsUserFields;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts Tidings into a Zendesk account: the user fields the sync writes, the webhook that calls
 * {@code /webhooks/zendesk}, and the triggers that send ticket events to it. What exists is left
 * alone (fields by key, the webhook by endpoint, triggers by title), so a second run creates nothing.
 */
public final class ZendeskInstaller {

    static final String WEBHOOK_NAME = "Tidings";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZendeskClient client;
    private final URI webhookEndpoint;

    /** @param webhookEndpoint where Zendesk reaches Tidings' intake, {@code https://…/webhooks/zendesk} */
    public ZendeskInstaller(ZendeskClient client, URI webhookEndpoint) {
        this.client = client;
        this.webhookEndpoint = webhookEndpoint;
    }

    /** What is missing; reads the account, changes nothing. */
    public InstallPlan plan() {
        List<InstallStep> create = new ArrayList<>();
        List<String> present = new ArrayList<>();
        Set<String> keys = client.userFields().stream().map(UserField::key).collect(Collectors.toSet());
        for (SyncedField field : TidingsUserFields.ALL) {
            if (keys.contains(field.key())) {
                present.add("user field " + field.key());
            } else {
                create.add(new InstallStep.CreateUserField(field.definition()));
            }
        }
        if (existingWebhook().isPresent()) {
            present.add("webhook " + webhookEndpoint);
        } else {
            create.add(new InstallStep.CreateWebhook(webhook()));
        }
        Set<String> titles = client.triggers().stream().map(trigger -> trigger.path("title").asText())
                .collect(Collectors.toSet());
        for (TidingsTrigger trigger : TidingsTrigger.ALL) {
            if (titles.contains(trigger.title())) {
                present.add("trigger \"" + trigger.title() + "\"");
            } else {
                create.add(new InstallStep.CreateTrigger(trigger));
            }
        }
        return new InstallPlan(create, present);
    }

    /** Creates what the plan lists, the webhook before the triggers that call it. */
    public InstallResult install(InstallPlan plan) {
        List<InstallStep> created = new ArrayList<>();
        String webhookId = existingWebhook().map(webhook -> webhook.path("id").asText()).orElse(null);
        String secret = null;
        for (InstallStep step : plan.toCreate()) {
            switch (step) {
                case InstallStep.CreateUserField field -> client.createUserField(field.field());
                case InstallStep.CreateWebhook webhook -> {
                    webhookId = client.createWebhook(webhook.webhook()).path("id").asText();
                    secret = client.webhookSigningSecret(webhookId);
                }
                case InstallStep.CreateTrigger trigger -> {
                    if (webhookId == null) {
                        throw new IllegalStateException("no Tidings webhook to point the triggers at");
                    }
                    client.createTrigger(trigger.trigger().toZendesk(webhookId));
                }
            }
            created.add(step);
        }
        return new InstallResult(created, secret);
    }

    private Optional<JsonNode> existingWebhook() {
        return client.webhooks().stream()
                .filter(webhook -> webhookEndpoint.toString().equals(webhook.path("endpoint").asText()))
                .findFirst();
    }

    private ObjectNode webhook() {
        ObjectNode webhook = JSON.createObjectNode().put("name", WEBHOOK_NAME).put("status", "active")
                .put("endpoint", webhookEndpoint.toString()).put("http_method", "POST").put("request_format", "json");
        webhook.putArray("subscriptions").add("conditional_ticket_events");
        return webhook;
    }
}
