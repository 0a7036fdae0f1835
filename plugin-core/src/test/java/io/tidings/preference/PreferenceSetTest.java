package io.tidings.preference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PreferenceSetTest {

    static Stream<Arguments> categoryDefaults() {
        return Stream.of(
                arguments(Category.TRANSACTIONAL, false, false, false, NoChannelFallback.ESCALATE),
                arguments(Category.PROMOTIONAL, true, false, false, NoChannelFallback.DEFER),
                arguments(Category.SERVICE_UPDATE, false, false, false, NoChannelFallback.OFFER_UPDATE),
                arguments(Category.LEGAL, false, true, false, NoChannelFallback.ESCALATE),
                arguments(Category.SURVEY, true, false, false, NoChannelFallback.DEFER),
                arguments(Category.SECURITY, false, false, true, NoChannelFallback.ESCALATE));
    }

    @ParameterizedTest(name = "{0}: opt-in={1} must-send={2} critical={3} fallback={4}")
    @MethodSource("categoryDefaults")
    void everyCategoryHasItsDefaultAndAppliesItWhenTheCustomerChoseNothing(
            Category category, boolean optIn, boolean mustSend, boolean critical, NoChannelFallback fallback) {
        assertThat(category.defaultPolicy()).isEqualTo(new CategoryPolicy(optIn, mustSend, critical, fallback));
        for (Channel channel : Channel.ALL) {
            assertThat(PreferenceSet.none().isOn(category, channel, CategoryPolicies.defaults()))
                    .as("%s on %s", category, channel)
                    .isEqualTo(!optIn);
        }
    }

    @Test
    void explicitChoicesWinOverDefaultsPerCategoryAndChannel() {
        PreferenceSet preferences = PreferenceSet.builder()
                .choose(Category.PROMOTIONAL, Channel.EMAIL, true)
                .choose(Category.TRANSACTIONAL, Channel.SMS, false)
                .choose(Category.TRANSACTIONAL, Channel.SMS, true)
                .choose(Category.TRANSACTIONAL, Channel.VOICE, false)
                .build();
        CategoryPolicies defaults = CategoryPolicies.defaults();

        assertThat(preferences.isOn(Category.PROMOTIONAL, Channel.EMAIL, defaults)).isTrue();
        assertThat(preferences.isOn(Category.PROMOTIONAL, Channel.SMS, defaults)).isFalse();
        assertThat(preferences.isOn(Category.TRANSACTIONAL, Channel.SMS, defaults)).isTrue();
        assertThat(preferences.isOn(Category.TRANSACTIONAL, Channel.VOICE, defaults)).isFalse();
        assertThat(preferences.hasChoice(Category.TRANSACTIONAL, Channel.VOICE)).isTrue();
        assertThat(preferences.hasChoice(Category.TRANSACTIONAL, Channel.EMAIL)).isFalse();
    }

    @Test
    void configurationCanMakeAnOptInCategoryOptOut() {
        CategoryPolicies configured = CategoryPolicies.defaults()
                .with(Category.SURVEY, new CategoryPolicy(false, false, false, NoChannelFallback.DEFER));

        assertThat(PreferenceSet.none().isOn(Category.SURVEY, Channel.EMAIL, configured)).isTrue();
        assertThat(configured.of(Category.PROMOTIONAL)).isEqualTo(Category.PROMOTIONAL.defaultPolicy());
    }

    @Test
    void configurationCannotMakeLegalNoticesDroppable() {
        assertThatThrownBy(() -> new CategoryPolicies(
                Map.of(Category.LEGAL, new CategoryPolicy(false, false, false, NoChannelFallback.DEFER))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LEGAL");
    }

    @Test
    void holdsQuietHoursCapsCollapseWindowsAndLanguage() {
        QuietHours night = QuietHours.of("22:00", "07:00");
        FrequencyCap cap = new FrequencyCap(Category.PROMOTIONAL, 3, Duration.ofDays(7));
        CollapseWindow collapse = new CollapseWindow(Category.TRANSACTIONAL, Duration.ofMinutes(10));
        PreferenceSet preferences = PreferenceSet.builder()
                .quietHours(Channel.SMS, night).cap(cap).collapseWindow(collapse).language(Locale.GERMAN).build();

        assertThat(preferences.quietHoursFor(Channel.SMS)).isEqualTo(night);
        assertThat(preferences.quietHoursFor(Channel.EMAIL)).isNull();
        assertThat(preferences.capFor(Category.PROMOTIONAL)).isEqualTo(cap);
        assertThat(preferences.caps()).containsExactly(cap);
        assertThat(preferences.collapseWindowFor(Category.TRANSACTIONAL)).isEqualTo(collapse);
        assertThat(preferences.language()).isEqualTo(Locale.GERMAN);
    }

    @Test
    void validatesCapsAndWindows() {
        assertThatThrownBy(() -> new FrequencyCap(Category.PROMOTIONAL, 0, Duration.ofDays(7)))
                .hasMessageContaining("max must be at least 1");
        assertThatThrownBy(() -> new FrequencyCap(Category.PROMOTIONAL, 3, Duration.ZERO))
                .hasMessageContaining("period must be positive");
        assertThatThrownBy(() -> new CollapseWindow(Category.TRANSACTIONAL, Duration.ofMinutes(-1)))
                .hasMessageContaining("window must be positive");
    }
}
