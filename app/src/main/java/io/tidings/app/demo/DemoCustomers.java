package io.tidings.app.demo;

import io.tidings.client.ApiClient;
import io.tidings.client.ApiException;
import io.tidings.client.api.CustomersApi;
import io.tidings.client.model.BulkUpsertItem;
import io.tidings.client.model.BulkUpsertRequest;
import io.tidings.client.model.BulkUpsertResult;
import io.tidings.client.model.ExternalRefs;
import io.tidings.client.model.Region;

import java.util.List;
import java.util.Set;

/**
 * Seeds the demo's customers through the public API, as an integrator would. Keyed by their
 * Zendesk user ids (the sandbox Zendesk knows the same users), so restarting the demo changes nothing.
 */
final class DemoCustomers {

    private DemoCustomers() {
    }

    static BulkUpsertResult seed(String baseUrl, String adminKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + adminKey));
        try {
            return new CustomersApi(client).bulkUpsertCustomers(new BulkUpsertRequest().customers(List.of(
                    customer("1001", "003000000000001AAA", "amara@example.com", "+12015550123", "en-US",
                            "America/New_York", "US", "US-NY", Set.of("consumer"), Set.of("broadband", "mobile")),
                    customer("1002", "003000000000002AAA", "jonas@example.com", "+4915123456789", "de-DE",
                            "Europe/Berlin", "DE", "DE-BE", Set.of("business", "vip"), Set.of("broadband")),
                    customer("1003", "003000000000003AAA", "priya@example.com", "+918123456789", "en-IN",
                            "Asia/Kolkata", "IN", "IN-KA", Set.of("consumer"), Set.of("mobile")),
                    customer("1004", "003000000000004AAA", "aroha@example.com", "+64211234567", "en-NZ",
                            "Pacific/Auckland", "NZ", "NZ-AUK", Set.of("consumer"), Set.of("tv", "broadband")),
                    customer("1005", "003000000000005AAA", "lucas@example.com", "+5511961234567", "pt-BR",
                            "America/Sao_Paulo", "BR", "BR-SP", Set.of("business"), Set.of("mobile")))));
        } catch (ApiException e) {
            throw new IllegalStateException("Seeding the demo customers failed with " + e.getCode() + ": " + e.getResponseBody(), e);
        }
    }

    private static BulkUpsertItem customer(String zendeskUserId, String salesforceContactId, String email, String phone,
                                           String locale, String timeZone, String country, String subdivision,
                                           Set<String> segments, Set<String> services) {
        BulkUpsertItem item = new BulkUpsertItem();
        item.externalRefs(new ExternalRefs().zendeskUserId(zendeskUserId).salesforceContactId(salesforceContactId))
                .email(email)
                .phone(phone)
                .locale(locale)
                .timeZone(timeZone)
                .region(new Region().country(country).subdivision(subdivision))
                .segments(segments)
                .services(services);
        return item;
    }
}
