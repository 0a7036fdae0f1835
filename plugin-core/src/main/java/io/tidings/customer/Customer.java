package io.tidings.customer;

import io.tidings.preference.Channel;

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

    /** The customer's address on the channel: phone, email, or the customer id for push and in-app; null when none. */
    public String addressOn(Channel channel) {
        return switch (channel) {
            case EMAIL -> profile.email();
            case SMS, WHATSAPP, VOICE -> profile.phone();
            case PUSH, IN_APP -> id.toString();
        };
    }

    public Customer withProfile(CustomerProfile newProfile, Instant at) {
        return new Customer(id, newProfile, createdAt, at);
    }
}
