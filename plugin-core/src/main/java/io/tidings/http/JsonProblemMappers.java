package io.tidings.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.tidings.error.FieldViolation;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps JSON the server cannot read: broken syntax is 400, well-formed JSON with a field of the
 * wrong shape or an unknown field is 422 naming that field.
 */
final class JsonProblemMappers {

    private JsonProblemMappers() {
    }

    @Provider
    @ApplicationScoped
    @Priority(1)
    static class Syntax implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return malformed(e);
        }
    }

    @Provider
    @ApplicationScoped
    @Priority(1)
    static class Mapping implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            Matcher missing = MISSING_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
            if (missing.find()) {
                return Problems.response(ProblemType.INVALID_FIELDS,
                        "Correct the fields listed in errors and send the request again.",
                        List.of(new FieldViolation(missingPropertyPointer(e, missing.group(1)), "is required")));
            }
            if (e.getPath().isEmpty() && !(e instanceof UnrecognizedPropertyException)) {
                return Problems.response(ProblemType.MALFORMED_REQUEST,
                        "The body must be a JSON object of the documented shape: " + e.getOriginalMessage());
            }
            return Problems.response(ProblemType.INVALID_FIELDS,
                    "Correct the fields listed in errors and send the request again.",
                    List.of(new FieldViolation(pointer(e), fieldMessage(e))));
        }
    }

    @Provider
    @ApplicationScoped
    @Priority(1)
    static class Stream implements ExceptionMapper<StreamReadException> {
        @Override
        public Response toResponse(StreamReadException e) {
            return malformed(e);
        }
    }

    /** Jackson names a missing required property only in its message. */
    private static final Pattern MISSING_PROPERTY = Pattern.compile("^Missing required creator property '([^']+)'");

    private static Response malformed(StreamReadException e) {
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return Problems.response(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON" + where + ": " + e.getOriginalMessage());
    }

    /** Jackson's path sometimes ends at the missing property and sometimes at its parent. */
    private static String missingPropertyPointer(JsonMappingException e, String property) {
        String pointer = e.getPath().isEmpty() ? "" : pointer(e);
        return pointer.endsWith("/" + property) ? pointer : pointer + "/" + property;
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            pointer.append('/');
            if (reference.getFieldName() != null) {
                pointer.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }

    private static String fieldMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getType() != null
                && instantiation.getType().isEnumType()) {
            return "expected " + simpleType(instantiation.getType().getRawClass());
        }
        if (e instanceof InvalidFormatException format) {
            return "'" + format.getValue() + "' is not a valid " + simpleType(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + simpleType(mismatch.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (type == String.class) {
            return "string";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        return "object";
    }
}
