package io.tidings.app.providers.fcm;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.http.JsonMapping;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * What FCM answered to one message for one registration token, read from the HTTP v1 response:
 * the message's name on success, else the error's FCM error code (the {@code FcmError} detail, or
 * the status) classified per FCM's error-code reference.
 */
sealed interface FcmAnswer {

    /** FCM took the message; {@code name} is {@code projects/<id>/messages/<message id>}. */
    record Sent(String name) implements FcmAnswer {
    }

    /** The token will never receive anything (app uninstalled, token invalid or of another sender). */
    record TokenGone(String errorCode) implements FcmAnswer {
    }

    /** Overload, outage or a credential the operator must fix: try again, not before {@code retryAfter}. */
    record Retry(String errorCode, Duration retryAfter) implements FcmAnswer {
    }

    /** FCM refused the access token: obtain a new one and try again. */
    record Unauthenticated() implements FcmAnswer {
    }

    /** The message itself is unacceptable (too big, a reserved data key): no token would take it. */
    record Rejected(String errorCode) implements FcmAnswer {
    }

    String FCM_ERROR = "type.googleapis.com/google.firebase.fcm.v1.FcmError";
    String BAD_REQUEST = "type.googleapis.com/google.rpc.BadRequest";
    Set<String> RETRYABLE = Set.of("QUOTA_EXCEEDED", "UNAVAILABLE", "INTERNAL", "THIRD_PARTY_AUTH_ERROR",
            "PERMISSION_DENIED");

    static FcmAnswer of(int status, String body, Duration retryAfter) {
        JsonNode json = readable(body);
        if (status == 200) {
            return new Sent(json.path("name").asText(""));
        }
        JsonNode error = json.path("error");
        String code = errorCode(error, status);
        if (status == 401 || code.equals("UNAUTHENTICATED")) {
            return new Unauthenticated();
        }
        if (code.equals("UNREGISTERED") || code.equals("SENDER_ID_MISMATCH")
                || (code.equals("INVALID_ARGUMENT") && blamesTheToken(error))) {
            return new TokenGone(code);
        }
        if (RETRYABLE.contains(code) || status == 429 || status >= 500) {
            return new Retry(code, retryAfter);
        }
        return new Rejected(code);
    }

    /** The FcmError detail's code; else the status (e.g. INVALID_ARGUMENT); else the HTTP status. */
    private static String errorCode(JsonNode error, int status) {
        for (JsonNode detail : error.path("details")) {
            if (FCM_ERROR.equals(detail.path("@type").asText()) && detail.path("errorCode").isTextual()) {
                return detail.path("errorCode").asText();
            }
        }
        return error.path("status").asText("HTTP " + status);
    }

    /**
     * An invalid argument is the token's fault unless field violations name other fields (then the
     * payload is at fault, e.g. {@code message.data[0].value}).
     */
    private static boolean blamesTheToken(JsonNode error) {
        boolean otherFieldBlamed = false;
        for (JsonNode detail : error.path("details")) {
            if (BAD_REQUEST.equals(detail.path("@type").asText())) {
                for (JsonNode violation : detail.path("fieldViolations")) {
                    if (violation.path("field").asText().equals("message.token")) {
                        return true;
                    }
                    otherFieldBlamed = true;
                }
            }
        }
        return !otherFieldBlamed;
    }

    private static JsonNode readable(String body) {
        try {
            return JsonMapping.MAPPER.readTree(body);
        } catch (IOException e) {
            return JsonMapping.MAPPER.createObjectNode();
        }
    }
}
