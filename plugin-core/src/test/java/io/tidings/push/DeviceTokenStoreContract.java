package io.tidings.push;

import io.tidings.customer.CustomerProfile;
import io.tidings.customer.CustomerStore;
import io.tidings.customer.Customers;
import io.tidings.error.ResourceNotFoundException;
import io.tidings.persistence.Database;
import io.tidings.testing.MutableClock;
import io.tidings.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the device token store must do on every supported database. */
abstract class DeviceTokenStoreContract {

    private final TestDatabase target;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private Database database;
    private DeviceTokenStore tokens;
    private UUID amara;
    private UUID kim;

    DeviceTokenStoreContract(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
        CustomerStore customers = new CustomerStore(database.jdbi());
        tokens = new DeviceTokenStore(database.jdbi(), customers, clock);
        Customers service = new Customers(customers, clock);
        amara = service.create(CustomerProfile.EMPTY).id();
        kim = service.create(CustomerProfile.EMPTY).id();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void registeringATokenAgainAnswersTheSameRegistration() {
        DeviceTokenStore.Registration first = tokens.register(amara, "token-a", DevicePlatform.ANDROID);
        DeviceTokenStore.Registration again = tokens.register(amara, "token-a", DevicePlatform.ANDROID);

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.token()).isEqualTo(first.token());
        assertThat(tokens.tokens(amara)).containsExactly(first.token());
    }

    @Test
    void aTokenRegisteredForAnotherCustomerMovesToThem() {
        tokens.register(amara, "shared-tablet", DevicePlatform.IOS);

        DeviceTokenStore.Registration moved = tokens.register(kim, "shared-tablet", DevicePlatform.IOS);

        assertThat(moved.created()).isTrue();
        assertThat(tokens.tokens(amara)).isEmpty();
        assertThat(tokens.tokens(kim)).containsExactly(moved.token());
    }

    @Test
    void removingAndForgettingDropTokens() {
        DeviceToken phone = tokens.register(amara, "phone", DevicePlatform.ANDROID).token();
        tokens.register(amara, "browser", DevicePlatform.WEB);

        assertThat(tokens.remove(kim, phone.id())).as("only the owner's registration").isFalse();
        assertThat(tokens.remove(amara, phone.id())).isTrue();
        tokens.forget("browser");

        assertThat(tokens.tokens(amara)).isEmpty();
    }

    @Test
    void anUnknownCustomerCannotRegister() {
        assertThatThrownBy(() -> tokens.register(UUID.randomUUID(), "token", DevicePlatform.WEB))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
