package io.tidings.http;

import java.net.URI;

/** The kinds of problem Tidings answers with, each with its RFC 9457 type URI, status and title. */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", 400, "The request could not be read"),
    UNAUTHORIZED("unauthorized", 401, "Missing or unknown API key"),
    UNVERIFIED_DELIVERY("unverified-delivery", 401, "The webhook delivery could not be verified"),
    FORBIDDEN("forbidden", 403, "The API key's role may not do this"),
    UNKNOWN_SENDER("unknown-sender", 403, "The webhook delivery comes from a sender Tidings does not serve"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    CONFLICT("conflict", 409, "Conflicts with stored data"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    INVALID_FIELDS("invalid-fields", 422, "Some fields are not acceptable"),
    UNEXPECTED("unexpected", 500, "Unexpected server error");

    private static final String BASE = "urn:tidings:problem:";

    private final URI type;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.type = URI.create(BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem type a plain HTTP status stands for, for errors raised by the JAX-RS runtime itself. */
    public static ProblemType forStatus(int status) {
        for (ProblemType candidate : values()) {
            if (candidate.status == status) {
                return candidate;
            }
        }
        return status >= 500 ? UNEXPECTED : MALFORMED_REQUEST;
    }
}
