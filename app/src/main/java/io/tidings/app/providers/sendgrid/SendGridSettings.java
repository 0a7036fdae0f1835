package io.tidings.app.providers.sendgrid;

import java.net.URI;
import java.util.Objects;

/**
 * The SendGrid account Tidings sends email through ({@code tidings.sendgrid.*}).
 *
 * @param apiKey  the API key with Mail Send permission; a secret, never printed
 * @param baseUrl where the v3 API is, {@code https://api.sendgrid.com} unless a test points elsewhere
 * @param from    the verified sender address
 */
record SendGridSettings(String apiKey, URI baseUrl, String from) {

    SendGridSettings {
        Objects.requireNonNull(apiKey, "tidings.sendgrid.api-key");
        Objects.requireNonNull(baseUrl, "tidings.sendgrid.base-url");
        Objects.requireNonNull(from, "tidings.sendgrid.from");
    }

    @Override
    public String toString() {
        return "SendGridSettings[apiKey=***, baseUrl=" + baseUrl + ", from=" + from + "]";
    }
}
