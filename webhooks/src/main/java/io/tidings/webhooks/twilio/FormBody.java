package io.tidings.webhooks.twilio;

import io.tidings.webhooks.intake.MalformedDeliveryException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body as Twilio posts it: each parameter once. Read
 * from the raw bytes so the parameters checked against the signature are exactly those received.
 */
record FormBody(Map<String, String> parameters) {

    FormBody {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    static FormBody parse(byte[] body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                    String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                    if (parameters.putIfAbsent(name, value) != null) {
                        throw new MalformedDeliveryException("The form names parameter " + name + " twice.");
                    }
                } catch (IllegalArgumentException e) {
                    throw new MalformedDeliveryException("The body is not a URL-encoded form.", e);
                }
            }
        }
        return new FormBody(parameters);
    }

    /** The parameter's value, or null when absent or blank. */
    String get(String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
