package io.tidings.webhooks.intake;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.http.JsonMapping;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the envelope of a Zendesk delivery. Event subscriptions and the trigger webhooks Tidings'
 * installer sets up share it: a JSON object with {@code id} (unique per event), {@code type}, and
 * optionally {@code time} (ISO-8601; the receipt time when absent), {@code subject},
 * {@code detail} and {@code event}.
 */
final class ZendeskDeliveries {

    private ZendeskDeliveries() {
    }

    static InboundDelivery read(byte[] body, Instant receivedAt) {
        JsonNode root;
        try {
            root = JsonMapping.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedDeliveryException("The body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new MalformedDeliveryException("The body could not be read.", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedDeliveryException("The body must be a JSON object.");
        }
        String id = text(root, "id", true);
        String type = text(root, "type", true);
        String subject = text(root, "subject", false);
        String time = text(root, "time", false);
        // Zendesk resends the signed body as it was, so a delivery's own time is the same in every redelivery.
        return new InboundDelivery(DeliverySource.ZENDESK, id, type, subject == null ? "" : subject,
                time == null ? receivedAt : instant(time), new String(body, StandardCharsets.UTF_8), time != null);
    }

    private static String text(JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new MalformedDeliveryException("The body has no '" + field + "'.");
            }
            return null;
        }
        // Zendesk sends some ids as numbers; their text is the id.
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw new MalformedDeliveryException("'" + field + "' must be a string.");
        }
        String value = node.asText().strip();
        if (value.isEmpty() || value.length() > InboundDelivery.MAX_TEXT) {
            throw new MalformedDeliveryException("'" + field + "' must be 1 to " + InboundDelivery.MAX_TEXT + " characters.");
        }
        return value;
    }

    private static Instant instant(String time) {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(time, OffsetDateTime::from).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedDeliveryException("'time' must be an ISO-8601 date-time with an offset.");
        }
    }
}
