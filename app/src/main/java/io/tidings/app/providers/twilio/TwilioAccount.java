package io.tidings.app.providers.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import io.tidings.dispatch.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The Twilio account from configuration ({@code tidings.twilio.*}), shared by the Twilio providers,
 * and how Twilio's answers become send results.
 */
@ApplicationScoped
public class TwilioAccount {

    /** Invalid 'To' number; 'To' is not a mobile number; 'To' has opted out (STOP); region not enabled; invalid channel address. */
    private static final Set<Integer> PERMANENT_CODES = Set.of(21211, 21614, 21610, 21408, 63016);

    private final Optional<TwilioConnection> connection;

    @Inject
    TwilioAccount(@ConfigProperty(name = "tidings.twilio.account-sid") Optional<String> accountSid,
                  @ConfigProperty(name = "tidings.twilio.auth-token") Optional<String> authToken,
                  @ConfigProperty(name = "tidings.twilio.base-url", defaultValue = "https://api.twilio.com") URI baseUrl,
                  @ConfigProperty(name = "tidings.twilio.from") Optional<String> from,
                  @ConfigProperty(name = "tidings.twilio.messaging-service-sid") Optional<String> messagingServiceSid,
                  @ConfigProperty(name = "tidings.public-base-url") Optional<URI> publicBaseUrl) {
        this(accountSid.isPresent() && authToken.isPresent()
                ? Optional.of(new TwilioSettings(accountSid.get(), authToken.get(), baseUrl, from.orElse(null),
                messagingServiceSid.orElse(null), publicBaseUrl.orElse(null)))
                : Optional.empty());
    }

    TwilioAccount(Optional<TwilioSettings> settings) {
        this.connection = settings.map(TwilioConnection::open);
    }

    /** Sends through {@code send}, which answers the result for a created resource; Twilio's failures become results. */
    SendResult send(Function<TwilioConnection, SendResult> send) {
        if (connection.isEmpty()) {
            // Retried rather than dropped: the sends go out once the account is configured.
            return new SendResult.RetryableFailure("tidings.twilio.account-sid and tidings.twilio.auth-token are not set");
        }
        try {
            return send.apply(connection.get());
        } catch (ApiException e) {
            return failure(e);
        } catch (TwilioException e) {
            return new SendResult.RetryableFailure("Twilio could not be reached: " + e.getClass().getSimpleName());
        }
    }

    /** Twilio's error text can echo the recipient's number, so only its code and status are kept. */
    private static SendResult failure(ApiException e) {
        String reason = "Twilio error " + e.getCode() + " (HTTP " + e.getStatusCode() + ")";
        Integer status = e.getStatusCode();
        if (e.getCode() != null && PERMANENT_CODES.contains(e.getCode())) {
            return new SendResult.PermanentFailure(reason);
        }
        if (status == null || status == 429 || status >= 500) {
            return new SendResult.RetryableFailure(reason);
        }
        return new SendResult.PermanentFailure(reason);
    }
}
