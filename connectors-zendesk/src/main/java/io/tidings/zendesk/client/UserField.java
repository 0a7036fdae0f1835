package io.tidings.zendesk.client;

/**
 * A custom user field as Zendesk holds it.
 *
 * @param id    Zendesk's id, or null for one not created yet
 * @param key   the key that names it in {@code user_fields}
 * @param type  checkbox, text, date, dropdown, …
 * @param title the label agents see
 */
public record UserField(Long id, String key, String type, String title) {
}
