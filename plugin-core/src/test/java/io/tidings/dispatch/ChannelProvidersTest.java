package io.tidings.dispatch;

import io.tidings.preference.Channel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelProvidersTest {

    private final ChannelProvider twilio = new ScriptedProvider("twilio-sms", Set.of(Channel.SMS, Channel.WHATSAPP), false);
    private final ChannelProvider smtp = new ScriptedProvider("smtp", Set.of(Channel.EMAIL), false);

    @Test
    void eachChannelGetsTheProviderConfigurationNames() {
        ChannelProviders providers = new ChannelProviders(List.of(twilio, smtp),
                Map.of(Channel.SMS, "twilio-sms", Channel.EMAIL, "smtp"));

        assertThat(providers.forChannel(Channel.SMS)).containsSame(twilio);
        assertThat(providers.forChannel(Channel.EMAIL)).containsSame(smtp);
        assertThat(providers.forChannel(Channel.WHATSAPP)).as("not configured").isEmpty();
    }

    @Test
    void anUnknownOrUnfitProviderIsRejectedAtStartUp() {
        assertThatThrownBy(() -> new ChannelProviders(List.of(twilio), Map.of(Channel.SMS, "sinch")))
                .hasMessageContaining("tidings.providers.sms names provider 'sinch'");
        assertThatThrownBy(() -> new ChannelProviders(List.of(twilio, smtp), Map.of(Channel.EMAIL, "twilio-sms")))
                .hasMessage("tidings.providers.email names provider 'twilio-sms', which does not send EMAIL");
    }
}
