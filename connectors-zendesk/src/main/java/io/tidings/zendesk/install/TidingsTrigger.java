package io.tidings.zendesk.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * A trigger that tells Tidings about a ticket event, in the body shape Tidings' intake reads
 * ({@code tidings:trigger:…}; the requester is the customer).
 *
 * @param title      the trigger's title, which also identifies it on a second install
 * @param conditions the trigger's {@code conditions} object
 * @param body       the JSON the webhook sends, with Zendesk placeholders
 */
public record TidingsTrigger(String title, JsonNode conditions, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The triggers Tidings installs: ticket status changes and public comments. */
    public static final List<TidingsTrigger> ALL = List.of(
            new TidingsTrigger("Tidings: ticket status changed",
                    conditions("{\"all\":[{\"field\":\"status\",\"operator\":\"changed\"}],\"any\":[]}"),
                    "{\"id\":\"{{ticket.id}}-{{ticket.status}}-{{ticket.updated_at_with_timestamp}}\","
                            + "\"type\":\"tidings:trigger:ticket.status_changed\",\"subject\":\"zen:ticket:{{ticket.id}}\","
                            + "\"detail\":{\"requester_id\":\"{{ticket.requester.id}}\",\"status\":\"{{ticket.status}}\"}}"),
            new TidingsTrigger("Tidings: public comment added",
                    conditions("{\"all\":[{\"field\":\"update_type\",\"operator\":\"is\",\"value\":\"Change\"},"
                            + "{\"field\":\"comment_is_public\",\"operator\":\"is\",\"value\":\"true\"}],\"any\":[]}"),
                    "{\"id\":\"{{ticket.id}}-comment-{{ticket.latest_public_comment.id}}\","
                            + "\"type\":\"tidings:trigger:ticket.comment_added\",\"subject\":\"zen:ticket:{{ticket.id}}\","
                            + "\"detail\":{\"requester_id\":\"{{ticket.requester.id}}\",\"status\":\"{{ticket.status}}\"}}"));

    /** The trigger as {@code POST /api/v2/triggers} takes it, calling the webhook with the body. */
    public ObjectNode toZendesk(String webhookId) {
        ObjectNode trigger = JSON.createObjectNode().put("title", title).put("active", true);
        trigger.set("conditions", conditions.deepCopy());
        ArrayNode actions = trigger.putArray("actions");
        actions.addObject().put("field", "notification_webhook").putArray("value").add(webhookId).add(body);
        return trigger;
    }

    private static JsonNode conditions(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
