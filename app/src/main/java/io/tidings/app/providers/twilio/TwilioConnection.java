package io.tidings.app.providers.twilio;

import com.twilio.http.TwilioRestClient;

/** A configured Twilio account and the REST client that reaches it. */
record TwilioConnection(TwilioSettings settings, TwilioRestClient client) {

    static TwilioConnection open(TwilioSettings settings) {
        return new TwilioConnection(settings, new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(new BaseUrlHttpClient(settings.baseUrl()))
                .build());
    }
}
