package io.tidings.inapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tidings.http.JsonMapping;
import io.tidings.preference.PreferencesJson;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** In-app messages as the REST API and the event stream show them. */
public final class InAppJson {

    private InAppJson() {
    }

    public static io.tidings.api.model.InAppMessage toApi(InAppMessage message) {
        return new io.tidings.api.model.InAppMessage()
                .id(message.id())
                .category(PreferencesJson.api(message.category()))
                .title(message.title())
                .body(message.body())
                .createdAt(utc(message.createdAt()))
                .readAt(utc(message.readAt()));
    }

    /** The message as one line of JSON, an event's data. */
    static String eventData(InAppMessage message) {
        try {
            return JsonMapping.MAPPER.writeValueAsString(toApi(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an in-app message could not be written as JSON", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
