package com.tentabo.prm.adapters.providers.webhook.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SSRF rules of webhook targets, with address literals only (no name is looked up). */
class WebhookTargetRulesTest {

    final WebhookTargetRules production = new WebhookTargetRules(false, List.of());

    @Test
    void outsideDev_onlyHttpsIsCalled() {
        assertThat(production.refusal(URI.create("http://93.184.216.34/hook")))
                .contains("only https addresses are allowed");
        assertThat(production.refusal(URI.create("https://93.184.216.34/hook"))).isEmpty();
        assertThat(new WebhookTargetRules(true, List.of()).refusal(URI.create("http://93.184.216.34/hook")))
                .isEmpty();
    }

    @Test
    void privateLoopbackLinkLocalAndReservedAddresses_areRefused() {
        for (String host : List.of(
                "127.0.0.1",
                "10.0.0.5",
                "172.16.3.4",
                "172.31.255.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "198.18.0.1",
                "224.0.0.1",
                "[::1]",
                "[fd12:3456::1]",
                "[fe80::1]",
                "[::ffff:10.0.0.1]",
                "[64:ff9b::a00:1]")) {
            assertThat(production.refusal(URI.create("https://" + host + "/hook")))
                    .as(host)
                    .hasValueSatisfying(reason -> assertThat(reason).contains("private or reserved"));
        }
        for (String host : List.of("172.32.0.1", "100.128.0.1", "8.8.8.8", "[2001:4860:4860::8888]")) {
            assertThat(production.refusal(URI.create("https://" + host + "/hook")))
                    .as(host)
                    .isEmpty();
        }
    }

    @Test
    void aConfiguredRange_isAllowed_andNothingElse() {
        WebhookTargetRules rules = new WebhookTargetRules(false, List.of("10.20.0.0/16", " fd00::/8 "));
        assertThat(rules.refusal(URI.create("https://10.20.4.5/hook"))).isEmpty();
        assertThat(rules.refusal(URI.create("https://10.21.4.5/hook"))).isPresent();
        assertThat(rules.refusal(URI.create("https://[fd00::7]/hook"))).isEmpty();
        assertThatThrownBy(() -> new WebhookTargetRules(false, List.of("intranet.example/8")))
                .hasMessageContaining("is not a CIDR range");
        assertThatThrownBy(() -> new WebhookTargetRules(false, List.of("10.0.0.0/33")))
                .hasMessageContaining("is not a CIDR range");
    }

    @Test
    void theSignature_isStripesScheme_hmacSha256OverTimestampDotBody() {
        // RFC 4231 test case 2 key and data, arranged as "<t>.<body>"
        String header = WebhookSignature.header("Jefe", 1700000000L, "what do ya want for nothing?");
        assertThat(header).startsWith("t=1700000000,v1=");
        assertThat(header.substring("t=1700000000,v1=".length()))
                .isEqualTo(WebhookSignature.hmac("Jefe", "1700000000.what do ya want for nothing?"))
                .hasSize(64);
        assertThat(WebhookSignature.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
