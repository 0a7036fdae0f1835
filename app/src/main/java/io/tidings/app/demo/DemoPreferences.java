package io.tidings.app.demo;

import io.tidings.client.ApiClient;
import io.tidings.client.ApiException;
import io.tidings.client.api.ConsentsApi;
import io.tidings.client.api.PreferencesApi;
import io.tidings.client.model.Channel;
import io.tidings.client.model.ConsentEvidence;
import io.tidings.client.model.ConsentInput;
import io.tidings.client.model.ConsentPurpose;
import io.tidings.client.model.ConsentSource;
import io.tidings.client.model.ConsentStatus;
import io.tidings.client.model.PreferencesInput;
import io.tidings.client.model.QuietHoursSetting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Gives the first demo customer (Amara, New York) SMS quiet hours from 21:00 to 08:00 and
 * service-communications consent, so the explain call shows an SMS deferred at night and sent in
 * the morning. Repeating it on restart changes nothing.
 */
final class DemoPreferences {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private DemoPreferences() {
    }

    static void apply(String baseUrl, String adminKey, UUID customerId) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + adminKey));
        try {
            new PreferencesApi(client).replacePreferences(customerId, new PreferencesInput()
                    .language("en-US")
                    .quietHours(List.of(new QuietHoursSetting().channel(Channel.SMS).start("21:00").end("08:00"))));
            ConsentsApi consents = new ConsentsApi(client);
            boolean granted = consents.getCurrentConsent(customerId, null).getStates().stream()
                    .anyMatch(state -> state.getPurpose() == ConsentPurpose.SERVICE_COMMUNICATIONS
                            && state.getStatus() == ConsentStatus.GRANTED);
            if (!granted) {
                consents.recordConsent(customerId, new ConsentInput()
                        .purpose(ConsentPurpose.SERVICE_COMMUNICATIONS)
                        .status(ConsentStatus.GRANTED)
                        .source(ConsentSource.PREFERENCE_CENTRE)
                        .evidence(new ConsentEvidence().noticeVersion("demo-notice-1")));
            }
        } catch (ApiException e) {
            throw new IllegalStateException("Setting the demo preferences failed with " + e.getCode() + ": "
                    + e.getResponseBody(), e);
        }
    }

    /** The banner lines: explain the customer's SMS at night and in the morning. */
    static String tryLines(String baseUrl, String adminKey, UUID customerId) {
        // Tomorrow in New York, so both instants come after the consent recorded today.
        LocalDate tomorrow = LocalDate.now(NEW_YORK).plusDays(1);
        return explainLine(baseUrl, adminKey, customerId, at(tomorrow, "09:15"), "SMS at 09:15 New York → SEND")
                + explainLine(baseUrl, adminKey, customerId, at(tomorrow, "23:30"),
                "SMS at 23:30 New York → DEFER to 08:00, and why");
    }

    private static String at(LocalDate date, String localTime) {
        return date.atTime(LocalTime.parse(localTime)).atZone(NEW_YORK).toInstant().toString();
    }

    private static String explainLine(String baseUrl, String adminKey, UUID customerId, String at, String comment) {
        return ("   curl -s -H 'Authorization: Bearer %2$s' -H 'Content-Type: application/json' %1$s/api/v1/decisions/explain \\%n"
                + "        -d '{\"customerId\":\"%3$s\",\"eventKind\":\"TICKET_STATUS_CHANGED\",\"category\":\"SERVICE_UPDATE\","
                + "\"channels\":[\"SMS\"],\"at\":\"%4$s\"}'     (%5$s)%n")
                .formatted(baseUrl, adminKey, customerId, at, comment);
    }
}
