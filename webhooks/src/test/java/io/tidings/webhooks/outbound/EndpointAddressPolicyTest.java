package io.tidings.webhooks.outbound;

import io.tidings.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointAddressPolicyTest {

    private final EndpointAddressPolicy strict = new EndpointAddressPolicy(false);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hooks", "https://127.1.2.3:8443/", "http://[::1]/", "http://0.0.0.0/",
            "http://10.0.0.5/", "http://172.16.0.1/", "http://192.168.1.10/", "http://169.254.169.254/latest/meta-data",
            "http://[fe80::1]/", "http://[fd00::1]/", "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/",
            "http://2130706433/", "http://224.0.0.1/", "http://255.255.255.255/", "http://localhost:8080/"})
    void refusesAddressesInsideTheNetwork(String url) {
        assertThatThrownBy(() -> strict.check("/url", url))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations().getFirst().field())
                        .isEqualTo("/url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://8.8.8.8/", "file:///etc/passwd", "https://user:pass@8.8.8.8/", "/relative", "",
            "http://exa mple.com/"})
    void refusesUrlsThatAreNotPlainHttp(String url) {
        assertThatThrownBy(() -> strict.check("/url", url)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void acceptsPublicAddresses() {
        assertThat(strict.check("/url", "https://8.8.8.8/hooks/tidings").getHost()).isEqualTo("8.8.8.8");
        assertThat(strict.check("/url", "http://[2001:4860:4860::8888]/").getHost()).isEqualTo("[2001:4860:4860::8888]");
    }

    @Test
    void acceptsPrivateAddressesWhenConfiguredTo() {
        assertThat(new EndpointAddressPolicy(true).check("/url", "http://127.0.0.1:9999/hooks").getPort()).isEqualTo(9999);
    }
}
