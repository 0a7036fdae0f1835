package io.tidings.preference;

import io.helidon.config.mp.MpConfigSources;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoryPolicyConfigTest {

    @Test
    void unsetKeysKeepTheDefaults() {
        CategoryPolicies policies = new CategoryPolicyConfig().categoryPolicies(config(Map.of()));

        for (Category category : Category.ALL) {
            assertThat(policies.of(category)).isEqualTo(category.defaultPolicy());
        }
    }

    @Test
    void configurationOverridesOneSettingAtATime() {
        CategoryPolicies policies = new CategoryPolicyConfig().categoryPolicies(config(Map.of(
                "tidings.categories.survey.opt-in", "false",
                "tidings.categories.promotional.when-no-channel", "offer_update")));

        assertThat(policies.of(Category.SURVEY).optIn()).isFalse();
        assertThat(policies.of(Category.SURVEY).whenNoChannel()).isEqualTo(Category.SURVEY.defaultPolicy().whenNoChannel());
        assertThat(policies.of(Category.PROMOTIONAL).whenNoChannel()).isEqualTo(NoChannelFallback.OFFER_UPDATE);
    }

    @Test
    void legalNoticesCannotBeMadeDroppable() {
        assertThatThrownBy(() -> new CategoryPolicyConfig().categoryPolicies(config(Map.of(
                "tidings.categories.legal.must-send", "false"))))
                .hasMessageContaining("must-send");
    }

    @Test
    void anUnknownFallbackNamesTheKey() {
        assertThatThrownBy(() -> new CategoryPolicyConfig().categoryPolicies(config(Map.of(
                "tidings.categories.security.when-no-channel", "shrug"))))
                .hasMessageContaining("tidings.categories.security.when-no-channel");
    }

    private static Config config(Map<String, String> values) {
        return ConfigProviderResolver.instance().getBuilder().withSources(MpConfigSources.create(values)).build();
    }
}
