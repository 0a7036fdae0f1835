package io.tidings.webhooks.twilio;

import com.twilio.security.RequestValidator;
import io.tidings.webhooks.intake.DeliveryHeaders;
import io.tidings.webhooks.intake.UnverifiedDeliveryException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * Twilio's request signature: {@code X-Twilio-Signature} is base64(HMAC-SHA1(auth token, the URL
 * Twilio called + each POST parameter's name and value, sorted by name)), checked with the Twilio
 * SDK's validator. Behind a proxy the URL Twilio called is not the one the server sees, so it is
 * rebuilt from {@code tidings.public-base-url} when that is set.
 */
@ApplicationScoped
public class TwilioSignature {

    public static final String HEADER = "X-Twilio-Signature";

    private static final System.Logger LOG = System.getLogger(TwilioSignature.class.getName());

    private final Optional<RequestValidator> validator;
    private final Optional<URI> publicBaseUrl;

    @Inject
    TwilioSignature(@ConfigProperty(name = "tidings.twilio.auth-token") Optional<String> authToken,
                    @ConfigProperty(name = "tidings.public-base-url") Optional<URI> publicBaseUrl) {
        this.validator = authToken.filter(token -> !token.isBlank()).map(RequestValidator::new);
        this.publicBaseUrl = publicBaseUrl;
        if (validator.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "tidings.twilio.auth-token is not set: every Twilio webhook will be "
                    + "refused with 401.");
        }
    }

    /**
     * Returns normally when the form was signed by Twilio for the URL it called.
     *
     * @param requested the URL as the server received it; only its path and query are used when a public base URL is set
     */
    void verify(DeliveryHeaders headers, URI requested, FormBody form) {
        if (validator.isEmpty()) {
            throw new UnverifiedDeliveryException("Tidings has no Twilio auth token configured, so it accepts no Twilio "
                    + "webhooks.");
        }
        String signature = headers.required(HEADER);
        if (!validator.get().validate(signedUrl(requested), form.parameters(), signature)) {
            throw new UnverifiedDeliveryException("The " + HEADER + " does not match the URL and parameters.");
        }
    }

    /** The URL Twilio signed: the public base URL with the request's path and query, else the request's URL. */
    String signedUrl(URI requested) {
        if (publicBaseUrl.isEmpty()) {
            return requested.toString();
        }
        String base = publicBaseUrl.get().toString();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return base + requested.getRawPath() + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery());
    }
}
