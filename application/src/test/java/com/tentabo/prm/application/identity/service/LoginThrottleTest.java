package com.tentabo.prm.application.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    @Test
    void addressKeys_ipv4AsItIs_ipv6ByItsSlash64_mappedIpv4AsIpv4() {
        assertThat(LoginThrottle.addressKey("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(LoginThrottle.addressKey("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottle.addressKey("2001:DB8:1:2::ffff")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottle.addressKey("[2001:db8:1:2::1]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottle.addressKey("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(LoginThrottle.addressKey("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(LoginThrottle.addressKey(null)).isNull();
        assertThat(LoginThrottle.addressKey(" ")).isNull();
        // never a name lookup: text that is not an address is kept as it is
        assertThat(LoginThrottle.addressKey("proxy.example")).isEqualTo("proxy.example");
    }

    @Test
    void delays_areFreeUpToTheThreshold_thenDoubleUpToTheWindow() {
        assertThat(LoginThrottle.delayAfter(4, 5)).isZero();
        assertThat(LoginThrottle.delayAfter(5, 5)).isEqualTo(Duration.ofSeconds(15));
        assertThat(LoginThrottle.delayAfter(6, 5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoginThrottle.delayAfter(8, 5)).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoginThrottle.delayAfter(12, 5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginThrottle.delayAfter(60, 5)).isEqualTo(Duration.ofMinutes(15));
    }
}
