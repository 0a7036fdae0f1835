package io.tidings.webhooks.intake;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.http.JsonMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads the account-change events a Salesforce Flow HTTP callout posts, in the Standard Webhooks
 * payload shape: {@code {"type": "account.changed", "timestamp": "<ISO-8601>", "data": {"recordId":
 * "001…", …}}}. The {@code webhook-id} header, which stays the same across retries, is the event id.
 */
final class SalesforceFlowEvents {

    private SalesforceFlowEvents() {
    }

    static InboundDelivery read(DeliveryHeaders headers, byte[] body) {
        JsonNode root;
        try {
            root = JsonMapping.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedDeliveryException("The body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedDeliveryException("The body could not be read.", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedDeliveryException("The body must be a JSON object.");
        }
        String id = bounded(headers.first(StandardWebhooksSignature.ID_HEADER), StandardWebhooksSignature.ID_HEADER);
        String type = bounded(root.path("type").isTextual() ? root.get("type").asText() : null, "type");
        Instant timestamp = instant(root.path("timestamp"));
        JsonNode recordId = root.path("data").path("recordId");
        String subject = recordId.isTextual() ? bounded("salesforce:" + recordId.asText(), "data.recordId") : "";
        return new InboundDelivery(DeliverySource.SALESFORCE_FLOW, id, type, subject, timestamp,
                new String(body, StandardCharsets.UTF_8));
    }

    private static String bounded(String value, String name) {
        if (value == null || value.isBlank() || value.strip().length() > InboundDelivery.MAX_TEXT) {
            throw new MalformedDeliveryException("'" + name + "' must be a string of 1 to " + InboundDelivery.MAX_TEXT
                    + " characters.");
        }
        return value.strip();
    }

    private static Instant instant(JsonNode timestamp) {
        try {
            return OffsetInstants.parse(timestamp.asText());
        } catch (DateTimeParseException e) {
            throw new MalformedDeliveryException("'timestamp' must be an ISO-8601 date-time with an offset.");
        }
    }
}
