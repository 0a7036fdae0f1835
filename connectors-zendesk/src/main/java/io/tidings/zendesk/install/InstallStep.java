package io.tidings.zendesk.install;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidings.zendesk.client.UserField;

/** One thing the installer creates in a Zendesk account. */
public sealed interface InstallStep {

    /** One line for the plan, e.g. {@code user field tidings_sms_opt_in (checkbox) "…"}. */
    String describe();

    /** A custom user field that carries a preference or consent. */
    record CreateUserField(UserField field) implements InstallStep {
        @Override
        public String describe() {
            return "user field " + field.key() + " (" + field.type() + ") \"" + field.title() + "\"";
        }
    }

    /** The webhook Zendesk calls Tidings with; its signing secret is read back after creation. */
    record CreateWebhook(ObjectNode webhook) implements InstallStep {
        @Override
        public String describe() {
            return "webhook \"" + webhook.path("name").asText() + "\" " + webhook.path("http_method").asText() + " "
                    + webhook.path("endpoint").asText() + " (signed; Tidings reads its signing secret back)";
        }
    }

    /** A trigger that sends ticket events to the Tidings webhook with the body Tidings defines. */
    record CreateTrigger(TidingsTrigger trigger) implements InstallStep {
        @Override
        public String describe() {
            return "trigger \"" + trigger.title() + "\" sending " + trigger.body();
        }
    }
}
