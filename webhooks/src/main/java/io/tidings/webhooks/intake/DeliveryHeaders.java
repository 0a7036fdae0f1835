package io.tidings.webhooks.intake;

/** The HTTP headers of a delivery, looked up by case-insensitive name; null when absent. */
@FunctionalInterface
public interface DeliveryHeaders {

    String first(String name);
}
