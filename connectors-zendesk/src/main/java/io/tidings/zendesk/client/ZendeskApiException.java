package io.tidings.zendesk.client;

/**
 * Zendesk refused a request or could not be reached after the retries.
 *
 * @see #status()
 */
public class ZendeskApiException extends RuntimeException {

    private final int status;

    public ZendeskApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public ZendeskApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status Zendesk answered, or 0 when it did not answer. */
    public int status() {
        return status;
    }
}
