package io.tidings.app.providers.twilio;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The Twilio account Tidings sends through ({@code tidings.twilio.*}).
 *
 * @param accountSid          the account, {@code AC…}
 * @param authToken           the account's auth token; a secret, never printed
 * @param baseUrl             where the REST API is, {@code https://api.twilio.com} unless a test or the demo points elsewhere
 * @param from                the sender number (E.164) when no messaging service is set; also the WhatsApp sender
 * @param messagingServiceSid the messaging service ({@code MG…}) that picks the SMS sender, or null
 * @param publicBaseUrl       where Twilio reaches Tidings ({@code tidings.public-base-url}) for status callbacks, or null
 */
record TwilioSettings(String accountSid, String authToken, URI baseUrl, String from, String messagingServiceSid,
                      URI publicBaseUrl) {

    /** The path of Tidings' status callback webhook. */
    static final String STATUS_CALLBACK_PATH = "/webhooks/twilio/status";

    TwilioSettings {
        Objects.requireNonNull(accountSid, "tidings.twilio.account-sid");
        Objects.requireNonNull(authToken, "tidings.twilio.auth-token");
        Objects.requireNonNull(baseUrl, "tidings.twilio.base-url");
        if (from == null && messagingServiceSid == null) {
            throw new IllegalArgumentException("tidings.twilio.from or tidings.twilio.messaging-service-sid must be set");
        }
    }

    /** Settings without status callbacks. */
    TwilioSettings(String accountSid, String authToken, URI baseUrl, String from, String messagingServiceSid) {
        this(accountSid, authToken, baseUrl, from, messagingServiceSid, null);
    }

    /**
     * The URL Twilio posts the send's status to, carrying its idempotency key so the callback finds the
     * send even before its sid is recorded; empty without a public base URL.
     */
    Optional<URI> statusCallback(String idempotencyKey) {
        if (publicBaseUrl == null) {
            return Optional.empty();
        }
        String base = publicBaseUrl.toString();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return Optional.of(URI.create(base + STATUS_CALLBACK_PATH + "?send="
                + URLEncoder.encode(idempotencyKey, StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", authToken=***, baseUrl=" + baseUrl + ", from=" + from
                + ", messagingServiceSid=" + messagingServiceSid + ", publicBaseUrl=" + publicBaseUrl + "]";
    }
}
