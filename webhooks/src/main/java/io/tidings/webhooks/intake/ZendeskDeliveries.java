package io.tidings.webhooks.intake;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tidings.http.JsonMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
        Envelope envelope = Envelope.of(body);
        String id = required(envelope.id(), "id");
        String type = required(envelope.type(), "type");
        String subject = envelope.subject();
        String time = envelope.time();
        // Zendesk resends the signed body as it was, so a delivery's own time is the same in every redelivery.
        return new InboundDelivery(DeliverySource.ZENDESK, id, type, subject == null ? "" : subject,
                time == null ? receivedAt : instant(time), new String(body, StandardCharsets.UTF_8), time != null);
    }

    /**
     * The envelope's fields, each stripped, or null when absent or null. Read as a stream of tokens
     * rather than as a tree: only four top-level fields matter, and the rest ({@code detail},
     * {@code event}) is checked to be JSON and skipped without building nodes for it.
     */
    private record Envelope(String id, String type, String subject, String time) {

        static Envelope of(byte[] body) {
            String id = null;
            String type = null;
            String subject = null;
            String time = null;
            try (JsonParser parser = JsonMapping.MAPPER.createParser(body)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new MalformedDeliveryException("The body must be a JSON object.");
                }
                // A field given twice counts with its last value, as in a tree of the body.
                for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                    JsonToken value = parser.nextToken();
                    switch (field) {
                        case "id" -> id = text(parser, value, field);
                        case "type" -> type = text(parser, value, field);
                        case "subject" -> subject = text(parser, value, field);
                        case "time" -> time = text(parser, value, field);
                        default -> parser.skipChildren();
                    }
                }
                if (parser.nextToken() != null) {
                    throw new MalformedDeliveryException("The body is not valid JSON: it goes on after its object ends.");
                }
            } catch (JacksonException e) {
                throw new MalformedDeliveryException("The body is not valid JSON: " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new MalformedDeliveryException("The body could not be read.", e);
            }
            return new Envelope(id, type, subject, time);
        }

        private static String text(JsonParser parser, JsonToken value, String field) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            // Zendesk sends some ids as numbers; their text is the id.
            if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NUMBER_INT) {
                throw new MalformedDeliveryException("'" + field + "' must be a string.");
            }
            String text = parser.getText().strip();
            if (text.isEmpty() || text.length() > InboundDelivery.MAX_TEXT) {
                throw new MalformedDeliveryException("'" + field + "' must be 1 to " + InboundDelivery.MAX_TEXT + " characters.");
            }
            return text;
        }
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new MalformedDeliveryException("The body has no '" + field + "'.");
        }
        return value;
    }

    private static Instant instant(String time) {
        try {
            return OffsetInstants.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedDeliveryException("'time' must be an ISO-8601 date-time with an offset.");
        }
    }
}
