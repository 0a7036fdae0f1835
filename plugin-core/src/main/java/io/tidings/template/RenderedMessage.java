package io.tidings.template;

import java.util.Objects;

/**
 * A template's output for one customer.
 *
 * @param subject the subject, or null when the channel's template has none
 * @param text    the plain-text body
 * @param html    the HTML body, or null when the template has none
 */
public record RenderedMessage(String subject, String text, String html) {

    public RenderedMessage {
        Objects.requireNonNull(text, "text");
    }
}
