package io.tidings.event;

/**
 * A change in Tidings' own data that integrators may be told about; the type is its Standard
 * Webhooks {@code type}, the record itself is the webhook's {@code data}. Never carries contact
 * points (emails, phone numbers) or consent evidence.
 */
public sealed interface DomainEvent permits CustomerEvent, IncidentUpdated {

    /** The event's wire name, e.g. {@code consent.changed}. */
    String type();
}
