package io.tidings.app.providers.twilio;

import java.net.URI;
import java.util.Objects;

/**
 * The Twilio account Tidings sends through ({@code tidings.twilio.*}).
 *
 * @param accountSid          the account, {@code AC…}
 * @param authToken           the account's auth token; a secret, never printed
 * @param baseUrl             where the REST API is, {@code https://api.twilio.com} unless a test or the demo points elsewhere
 * @param from                the sender number (E.164) when no messaging service is set; also the WhatsApp sender
 * @param messagingServiceSid the messaging service ({@code MG…}) that picks the SMS sender, or null
 */
record TwilioSettings(String accountSid, String authToken, URI baseUrl, String from, String messagingServiceSid) {

    TwilioSettings {
        Objects.requireNonNull(accountSid, "tidings.twilio.account-sid");
        Objects.requireNonNull(authToken, "tidings.twilio.auth-token");
        Objects.requireNonNull(baseUrl, "tidings.twilio.base-url");
        if (from == null && messagingServiceSid == null) {
            throw new IllegalArgumentException("tidings.twilio.from or tidings.twilio.messaging-service-sid must be set");
        }
    }

    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", authToken=***, baseUrl=" + baseUrl + ", from=" + from
                + ", messagingServiceSid=" + messagingServiceSid + "]";
    }
}
