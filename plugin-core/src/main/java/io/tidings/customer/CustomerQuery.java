package io.tidings.customer;

import java.util.Objects;
import java.util.UUID;

/**
 * Which customers a list call wants: a page after a cursor, optionally only those with given references.
 *
 * @param after the last id of the previous page, or null for the first page
 */
public record CustomerQuery(UUID after, int limit, ExternalRefs refs) {

    public static final int MAX_LIMIT = 500;

    public CustomerQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
        refs = Objects.requireNonNullElse(refs, ExternalRefs.NONE);
    }
}
