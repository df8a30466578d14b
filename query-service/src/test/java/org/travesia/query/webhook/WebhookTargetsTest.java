package org.travesia.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.travesia.kernel.common.InvalidValueException;

/** A webhook calls a public https URL; private, loopback and link-local targets need the operator's word (SSRF). */
class WebhookTargetsTest {

    private static WebhookProperties properties(Boolean allowPrivate, Boolean loopbackHttp, List<String> hosts) {
        return new WebhookProperties(allowPrivate, loopbackHttp, null, null, null, null, null, hosts);
    }

    private static final WebhookTargets PRODUCTION = new WebhookTargets(properties(false, null, null), false);
    private static final WebhookTargets LOCAL = new WebhookTargets(properties(false, null, null), true);

    @Test
    void aPublicHttpsTargetIsAccepted() {
        assertThat(PRODUCTION.check("https://93.184.216.34/hooks/travesia")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.5/hook", "https://172.16.3.4/hook", "https://192.168.1.10/hook",
            "https://169.254.169.254/latest/meta-data", "https://127.0.0.1/hook", "https://[::1]/hook",
            "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://[::ffff:10.0.0.1]/hook",
            "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://224.0.0.1/hook"})
    void privateLoopbackAndLinkLocalTargetsAreRefused(String url) {
        assertThatThrownBy(() -> PRODUCTION.check(url)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.violations().get(0).code()).isEqualTo("webhook.url.private-target"));
    }

    @Test
    void plainHttpIsRefusedExceptToLoopbackInTheLocalProfile() {
        assertThatThrownBy(() -> PRODUCTION.check("http://93.184.216.34/hook"))
                .hasMessageContaining("webhook.url.https-required");
        assertThatThrownBy(() -> PRODUCTION.check("http://127.0.0.1:9000/hook"))
                .hasMessageContaining("webhook.url.https-required");
        assertThatThrownBy(() -> LOCAL.check("http://10.0.0.5/hook")).hasMessageContaining("webhook.url.https-required");
        assertThat(LOCAL.check("http://127.0.0.1:9000/hook")).isNotNull();
    }

    @Test
    void theOperatorMayAllowPrivateTargetsOrNameAHost() {
        assertThat(new WebhookTargets(properties(true, null, null), false).check("https://10.0.0.5/hook")).isNotNull();
        assertThat(new WebhookTargets(properties(false, null, List.of("10.0.0.5")), false)
                .check("https://10.0.0.5/hook")).isNotNull();
    }

    @Test
    void somethingThatIsNotAnAbsoluteUrlIsRefused() {
        assertThatThrownBy(() -> PRODUCTION.check("not a url")).hasMessageContaining("webhook.url.invalid");
        assertThatThrownBy(() -> PRODUCTION.check("https://user:pw@93.184.216.34/"))
                .hasMessageContaining("webhook.url.invalid");
        assertThatThrownBy(() -> PRODUCTION.check(null)).hasMessageContaining("webhook.url.invalid");
    }
}
