package io.tidings.template;

/** No template exists for an event kind and channel in any locale of the fallback chain. */
public class TemplateNotFoundException extends RuntimeException {

    public TemplateNotFoundException(String message) {
        super(message);
    }
}
