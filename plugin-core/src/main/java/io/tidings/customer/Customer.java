package io.tidings.customer;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A person Tidings notifies, identified by its Tidings id. */
public record Customer(UUID id, CustomerProfile profile, Instant createdAt, Instant updatedAt) {

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Customer withProfile(CustomerProfile newProfile, Instant at) {
        return new Customer(id, newProfile, createdAt, at);
    }
}
