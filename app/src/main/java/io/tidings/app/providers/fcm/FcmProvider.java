package io.tidings.app.providers.fcm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidings.app.providers.RetryAfter;
import io.tidings.dispatch.ChannelProvider;
import io.tidings.dispatch.OutboundMessage;
import io.tidings.dispatch.SendResult;
import io.tidings.http.JsonMapping;
import io.tidings.preference.Channel;
import io.tidings.push.DeviceToken;
import io.tidings.push.DeviceTokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Push notifications through Firebase Cloud Messaging's HTTP v1 API (provider id {@code fcm}), to
 * every device token the customer registered. A token FCM reports unregistered or invalid is
 * forgotten. The send succeeds when one device took the message; it fails for good when none
 * can (no tokens, all gone, message refused), and is retried when none took it but some may
 * later. FCM does not drop a repeated message, so a retry may reach a device twice.
 */
@ApplicationScoped
public class FcmProvider implements ChannelProvider {

    private static final Logger LOG = Logger.getLogger(FcmProvider.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Optional<FcmSettings> settings;
    private final DeviceTokenStore deviceTokens;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Optional<AccessTokens> accessTokens;

    @Inject
    FcmProvider(@ConfigProperty(name = "tidings.fcm.service-account") Optional<String> serviceAccount,
                @ConfigProperty(name = "tidings.fcm.base-url", defaultValue = "https://fcm.googleapis.com") URI baseUrl,
                @ConfigProperty(name = "tidings.fcm.token-url") Optional<URI> tokenUrl,
                DeviceTokenStore deviceTokens, Clock clock) {
        this(serviceAccount.filter(value -> !value.isBlank()).map(FcmProvider::serviceAccount)
                .map(account -> new FcmSettings(account, baseUrl, tokenUrl.orElse(account.tokenUri()))),
                deviceTokens, clock);
    }

    FcmProvider(Optional<FcmSettings> settings, DeviceTokenStore deviceTokens, Clock clock) {
        this.settings = settings;
        this.deviceTokens = deviceTokens;
        this.clock = clock;
        this.accessTokens = settings.map(configured -> new AccessTokens(configured, http, TIMEOUT, clock));
    }

    @Override
    public String id() {
        return "fcm";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.PUSH);
    }

    @Override
    public boolean detectsDuplicates() {
        return false;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        if (settings.isEmpty()) {
            // Retried rather than dropped: the sends go out once the account is configured.
            return new SendResult.RetryableFailure("tidings.fcm.service-account is not set");
        }
        List<DeviceToken> tokens = deviceTokens.tokens(UUID.fromString(message.recipient()));
        if (tokens.isEmpty()) {
            return new SendResult.PermanentFailure("the customer has no push device token");
        }
        List<String> sent = new ArrayList<>();
        List<FcmAnswer> failures = new ArrayList<>();
        for (DeviceToken token : tokens) {
            FcmAnswer answer;
            try {
                answer = send(settings.get(), token, message);
            } catch (AccessTokens.TokenUnavailableException e) {
                answer = new FcmAnswer.Retry("no access token: " + e.getMessage(), Duration.ZERO);
            } catch (IOException e) {
                answer = new FcmAnswer.Retry("FCM could not be reached: " + e.getClass().getSimpleName(),
                        Duration.ZERO);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendResult.RetryableFailure("interrupted while sending to FCM");
            }
            switch (answer) {
                case FcmAnswer.Sent accepted -> sent.add(accepted.name());
                case FcmAnswer.TokenGone gone -> {
                    LOG.info(() -> "FCM answered " + gone.errorCode() + " for " + token + "; the token is forgotten");
                    deviceTokens.forget(token.token());
                    failures.add(gone);
                }
                case FcmAnswer.Unauthenticated refused -> {
                    accessTokens.get().discard();
                    failures.add(refused);
                }
                default -> failures.add(answer);
            }
        }
        return result(sent, failures);
    }

    private FcmAnswer send(FcmSettings fcm, DeviceToken token, OutboundMessage message)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(fcm.sendUrl())
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessTokens.get().current())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body(token, message)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return FcmAnswer.of(response.statusCode(), response.body(),
                RetryAfter.of(response.headers().firstValue("Retry-After"), clock.instant()));
    }

    /** One device took it: sent. None did: retry when some may later, else a permanent failure. */
    private static SendResult result(List<String> sent, List<FcmAnswer> failures) {
        if (!sent.isEmpty()) {
            return new SendResult.Accepted(String.join(" ", sent));
        }
        String reasons = "FCM: " + failures.stream().map(FcmProvider::reason).distinct().toList();
        Duration retryAfter = failures.stream()
                .map(failure -> failure instanceof FcmAnswer.Retry retry ? retry.retryAfter() : null)
                .filter(Objects::nonNull)
                .max(Duration::compareTo)
                .orElse(null);
        boolean retryable = retryAfter != null || failures.stream().anyMatch(FcmAnswer.Unauthenticated.class::isInstance);
        return retryable ? new SendResult.RetryableFailure(reasons, retryAfter == null ? Duration.ZERO : retryAfter)
                : new SendResult.PermanentFailure(reasons);
    }

    private static String reason(FcmAnswer failure) {
        return switch (failure) {
            case FcmAnswer.TokenGone gone -> gone.errorCode().toLowerCase(Locale.ROOT) + " token";
            case FcmAnswer.Retry retry -> retry.errorCode();
            case FcmAnswer.Unauthenticated refused -> "access token refused";
            case FcmAnswer.Rejected rejected -> "message rejected: " + rejected.errorCode();
            case FcmAnswer.Sent sent -> "sent";
        };
    }

    /** The HTTP v1 send request: the token, the visible notification and data the app can act on. */
    private static String body(DeviceToken token, OutboundMessage message) {
        ObjectNode root = JsonMapping.MAPPER.createObjectNode();
        ObjectNode fcmMessage = root.putObject("message");
        fcmMessage.put("token", token.token());
        ObjectNode notification = fcmMessage.putObject("notification");
        if (message.subject() != null) {
            notification.put("title", message.subject());
        }
        notification.put("body", message.text());
        fcmMessage.putObject("data")
                .put("tidings_idempotency_key", message.idempotencyKey())
                .put("tidings_category", message.category().name());
        try {
            return JsonMapping.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an FCM message could not be written as JSON", e);
        }
    }

    /** {@code tidings.fcm.service-account}: the key file's JSON itself, or the path of the file. */
    private static ServiceAccount serviceAccount(String configured) {
        String json = configured.strip();
        if (!json.startsWith("{")) {
            try {
                json = Files.readString(Path.of(json));
            } catch (IOException e) {
                throw new UncheckedIOException("tidings.fcm.service-account names a file that cannot be read", e);
            }
        }
        return ServiceAccount.fromJson(json);
    }
}
