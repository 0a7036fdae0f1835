package io.tidings.app.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.tidings.app.demo.ThrowawayServiceAccount;
import io.tidings.client.ApiClient;
import io.tidings.client.ApiException;
import io.tidings.client.ApiResponse;
import io.tidings.client.api.CustomersApi;
import io.tidings.client.api.DeviceTokensApi;
import io.tidings.client.api.PrivacyApi;
import io.tidings.client.model.CustomerInput;
import io.tidings.client.model.DevicePlatform;
import io.tidings.client.model.DeviceToken;
import io.tidings.client.model.DeviceTokenInput;
import io.tidings.decision.EventKind;
import io.tidings.dispatch.Outbox;
import io.tidings.dispatch.OutboxEntry;
import io.tidings.dispatch.OutboxRecord;
import io.tidings.dispatch.OutboxStatus;
import io.tidings.preference.Category;
import io.tidings.preference.Channel;
import io.tidings.testing.FinishedSends;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Device tokens through the API, and the running server's dispatch worker pushing to them through FCM. */
@HelidonTest
@AddConfig(key = "tidings.db.url", value = "jdbc:h2:mem:device-tokens-push" + TidingsApi.H2_MODE)
@AddConfig(key = "tidings.admin-key", value = TidingsApi.ADMIN_KEY)
@AddConfig(key = "tidings.providers.push", value = "fcm")
@AddConfig(key = "tidings.dispatch.poll-interval", value = "PT0.1S")
class DeviceTokensAndPushTest {

    private static final WireMockServer GOOGLE = started();
    private static final String MESSAGE_NAME = "projects/tidings-e2e/messages/0:1500415314455276%31bd1c9631bd1c96";

    @Inject
    WebTarget server;
    @Inject
    Outbox outbox;

    private DeviceTokensApi deviceTokens;
    private ApiClient client;
    private UUID customer;

    @AddConfigSource
    static ConfigSource firebase() {
        return MpConfigSources.create(Map.of(
                "tidings.fcm.service-account", ThrowawayServiceAccount.generate("tidings-e2e",
                        URI.create(GOOGLE.baseUrl() + "/token")).json(),
                "tidings.fcm.base-url", GOOGLE.baseUrl()));
    }

    @AfterAll
    static void stop() {
        GOOGLE.stop();
    }

    @BeforeEach
    void createCustomer() throws ApiException {
        client = TidingsApi.client(server.getUri(), TidingsApi.ADMIN_KEY);
        deviceTokens = new DeviceTokensApi(client);
        customer = new CustomersApi(client).createCustomer(new CustomerInput().locale("en")).getId();
    }

    @Test
    void aTokenIsRegisteredOnceListedExportedAndRemoved() throws ApiException {
        DeviceTokenInput phone = new DeviceTokenInput().token("fcm-token-phone").platform(DevicePlatform.ANDROID);

        ApiResponse<DeviceToken> registered = deviceTokens.registerDeviceTokenWithHttpInfo(customer, phone);
        ApiResponse<DeviceToken> again = deviceTokens.registerDeviceTokenWithHttpInfo(customer, phone);

        assertThat(registered.getStatusCode()).isEqualTo(201);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getData()).isEqualTo(registered.getData());
        assertThat(deviceTokens.listDeviceTokens(customer)).containsExactly(registered.getData());
        assertThat(new PrivacyApi(client).exportCustomer(customer).getDeviceTokens())
                .containsExactly(registered.getData());

        deviceTokens.removeDeviceToken(customer, registered.getData().getId());

        assertThat(deviceTokens.listDeviceTokens(customer)).isEmpty();
        assertThatThrownBy(() -> deviceTokens.removeDeviceToken(customer, registered.getData().getId()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void aTokenWithoutPlatformIsRefusedNamingTheField() {
        assertThatThrownBy(() -> deviceTokens.registerDeviceToken(customer, new DeviceTokenInput().token("t")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getResponseBody()).contains("/platform");
                });
    }

    @Test
    void aQueuedPushIsSentToTheCustomersDevice() throws Exception {
        deviceTokens.registerDeviceToken(customer, new DeviceTokenInput().token("fcm-token-tablet")
                .platform(DevicePlatform.IOS));

        outbox.enqueue(new OutboxEntry(UUID.randomUUID(), null, customer, EventKind.TICKET_STATUS_CHANGED,
                Category.TRANSACTIONAL, Channel.PUSH, Map.of("ticketId", "4711", "status", "solved"), "e2e-push-1",
                Instant.now()));

        OutboxRecord record = FinishedSends.await(outbox, "e2e-push-1");
        assertThat(record.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(record.providerId()).isEqualTo("fcm");
        assertThat(record.providerMessageId()).isEqualTo(MESSAGE_NAME);
        GOOGLE.verify(1, postRequestedFor(urlPathEqualTo("/v1/projects/tidings-e2e/messages:send"))
                .withRequestBody(matchingJsonPath("$.message.token", equalTo("fcm-token-tablet")))
                .withRequestBody(matchingJsonPath("$.message.notification.title",
                        equalTo("Ticket 4711: solved"))));
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\": \"ya29.e2e\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")));
        server.stubFor(post(urlPathEqualTo("/v1/projects/tidings-e2e/messages:send")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"name\": \"" + MESSAGE_NAME + "\"}")));
        return server;
    }
}
