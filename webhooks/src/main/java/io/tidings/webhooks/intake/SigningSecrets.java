package io.tidings.webhooks.intake;

import java.util.Arrays;
import java.util.List;

/**
 * One inbound source's signing secrets: the current one and, while the sender rotates, the
 * previous one. Never printed.
 */
public record SigningSecrets(List<String> values) {

    public static final int MAX = 2;

    public SigningSecrets {
        values = List.copyOf(values);
        if (values.size() > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " comma-separated secrets, got " + values.size());
        }
        if (values.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a blank secret");
        }
    }

    public static SigningSecrets of(String... values) {
        return new SigningSecrets(List.of(values));
    }

    /** The secrets of configuration key {@code key}: none, one, or two separated by a comma. */
    public static SigningSecrets configured(String key, String commaSeparated) {
        try {
            return new SigningSecrets(commaSeparated == null || commaSeparated.isBlank() ? List.of()
                    : Arrays.stream(commaSeparated.split(",", -1)).map(String::strip).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " holds " + e.getMessage());
        }
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return "SigningSecrets[" + values.size() + " secret(s)]";
    }
}
