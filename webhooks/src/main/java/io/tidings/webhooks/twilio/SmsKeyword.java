package io.tidings.webhooks.twilio;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The keywords an SMS reply can consist of (trimmed, any case), per the carriers' opt-out rules. */
enum SmsKeyword {
    STOP(Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT")),
    START(Set.of("START", "UNSTOP")),
    HELP(Set.of("HELP"));

    private final Set<String> words;

    SmsKeyword(Set<String> words) {
        this.words = words;
    }

    /** The keyword the whole body is, or empty for any other text. */
    static Optional<SmsKeyword> of(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String word = body.strip().toUpperCase(Locale.ROOT);
        for (SmsKeyword keyword : values()) {
            if (keyword.words.contains(word)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }
}
