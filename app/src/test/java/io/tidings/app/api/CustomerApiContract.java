package io.tidings.app.api;

import io.tidings.client.ApiClient;
import io.tidings.client.ApiException;
import io.tidings.client.ApiResponse;
import io.tidings.client.api.CustomersApi;
import io.tidings.client.model.BulkItemResult;
import io.tidings.client.model.BulkUpsertItem;
import io.tidings.client.model.BulkUpsertRequest;
import io.tidings.client.model.BulkUpsertResult;
import io.tidings.client.model.Customer;
import io.tidings.client.model.CustomerInput;
import io.tidings.client.model.CustomerPage;
import io.tidings.client.model.ExternalRefs;
import io.tidings.client.model.Region;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every customer operation, end to end through the generated client against the running server:
 * what the spec promises is what the server does.
 */
abstract class CustomerApiContract {

    @Inject
    WebTarget server;

    private CustomersApi customers;

    @BeforeEach
    void connect() {
        ApiClient client = TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY);
        customers = new CustomersApi(client);
    }

    @Test
    void createReadReplaceDelete() throws ApiException {
        String zendeskId = uniqueZendeskId();
        ApiResponse<Customer> created = customers.createCustomerWithHttpInfo(new CustomerInput()
                .externalRefs(new ExternalRefs().zendeskUserId(zendeskId))
                .email("amara@example.com")
                .phone("(201) 555-0123")
                .locale("en-US")
                .timeZone("America/New_York")
                .region(new Region().country("US").subdivision("US-NY"))
                .segments(Set.of("vip", "consumer")));

        assertThat(created.getStatusCode()).isEqualTo(201);
        Customer customer = created.getData();
        assertThat(created.getHeaders().get("location")).singleElement().asString()
                .isEqualTo(server.getUri().resolve("/api/v1/customers/" + customer.getId()).toString());
        assertThat(customer.getPhone()).isEqualTo("+12015550123");
        assertThat(customer.getSegments()).containsExactly("consumer", "vip");
        assertThat(customers.getCustomer(customer.getId())).isEqualTo(customer);

        Customer replaced = customers.replaceCustomer(customer.getId(), new CustomerInput()
                .externalRefs(new ExternalRefs().zendeskUserId(zendeskId))
                .email("amara@example.org"));

        assertThat(replaced.getEmail()).isEqualTo("amara@example.org");
        assertThat(replaced.getPhone()).as("PUT replaces: fields left out are cleared").isNull();
        assertThat(replaced.getCreatedAt()).isEqualTo(customer.getCreatedAt());
        assertThat(customers.getCustomer(customer.getId())).isEqualTo(replaced);

        customers.deleteCustomer(customer.getId());

        assertThatThrownBy(() -> customers.getCustomer(customer.getId()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
                });
    }

    @Test
    void listPagesThroughEveryCustomerAndFiltersByReference() throws ApiException {
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(customers.createCustomer(new CustomerInput()
                    .externalRefs(new ExternalRefs().zendeskUserId(uniqueZendeskId()))).getId());
        }
        List<UUID> listed = new ArrayList<>();
        String cursor = null;
        do {
            CustomerPage page = customers.listCustomers(2, cursor, null, null, null);
            page.getItems().forEach(customer -> listed.add(customer.getId()));
            cursor = page.getNextCursor();
        } while (cursor != null);

        assertThat(listed).containsSubsequence(created);
        Customer third = customers.getCustomer(created.get(2));
        assertThat(customers.listCustomers(50, null, third.getExternalRefs().getZendeskUserId(), null, null).getItems())
                .containsExactly(third);
    }

    @Test
    void bulkUpsertReportsEveryItem() throws ApiException {
        String existingId = uniqueZendeskId();
        customers.createCustomer(new CustomerInput()
                .externalRefs(new ExternalRefs().zendeskUserId(existingId)).email("old@example.com"));
        String newId = uniqueZendeskId();

        BulkUpsertResult result = customers.bulkUpsertCustomers(new BulkUpsertRequest().customers(List.of(
                item(existingId).email("new@example.com"),
                item(newId).timeZone("Asia/Kolkata"),
                item(uniqueZendeskId()).phone("not a phone"))));

        assertThat(result.getResults()).extracting(BulkItemResult::getOutcome).containsExactly(
                BulkItemResult.OutcomeEnum.UPDATED, BulkItemResult.OutcomeEnum.CREATED, BulkItemResult.OutcomeEnum.FAILED);
        assertThat(result.getUpdated()).isEqualTo(1);
        assertThat(result.getCreated()).isEqualTo(1);
        assertThat(result.getFailed()).isEqualTo(1);
        assertThat(result.getResults().get(2).getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getField()).isEqualTo("/phone"));
        assertThat(customers.listCustomers(1, null, existingId, null, null).getItems().getFirst().getEmail())
                .isEqualTo("new@example.com");
        assertThat(customers.listCustomers(1, null, newId, null, null).getItems().getFirst().getTimeZone())
                .isEqualTo("Asia/Kolkata");
    }

    @Test
    void aReferenceOwnedByAnotherCustomerIsAConflict() throws ApiException {
        String zendeskId = uniqueZendeskId();
        customers.createCustomer(new CustomerInput().externalRefs(new ExternalRefs().zendeskUserId(zendeskId)));

        assertThatThrownBy(() -> customers.createCustomer(new CustomerInput()
                .externalRefs(new ExternalRefs().zendeskUserId(zendeskId))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getResponseBody()).contains("/externalRefs/zendeskUserId");
                });
    }

    private static BulkUpsertItem item(String zendeskUserId) {
        BulkUpsertItem item = new BulkUpsertItem();
        item.externalRefs(new ExternalRefs().zendeskUserId(zendeskUserId));
        return item;
    }

    private static String uniqueZendeskId() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
    }
}
