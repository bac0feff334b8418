package com.tentabo.prm.application.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderHealthTest {

    @Test
    void onceCheckedAnyHealthMayFollowAnyOtherButNeverUnknownAgain() {
        for (ProviderHealth from : ProviderHealth.values()) {
            for (ProviderHealth to : ProviderHealth.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(to != ProviderHealth.UNKNOWN);
            }
        }
    }

    @Test
    void aFailureThatMayPassIsOfflineAndARefusalIsDegraded() {
        assertThat(ProviderHealth.of(ProviderFailure.retryable("timeout", Duration.ofSeconds(1))))
                .isEqualTo(ProviderHealth.OFFLINE);
        assertThat(ProviderHealth.of(ProviderFailure.rateLimited("429", Duration.ofSeconds(5))))
                .isEqualTo(ProviderHealth.OFFLINE);
        assertThat(ProviderHealth.of(ProviderFailure.credentialsRefused("401"))).isEqualTo(ProviderHealth.DEGRADED);
        assertThat(ProviderHealth.of(ProviderFailure.permanent("bad configuration")))
                .isEqualTo(ProviderHealth.DEGRADED);
    }

    @Test
    void anUnhealthyStatusAlertsOnceWhenItDiffersFromTheStoredOne() {
        assertThat(ProviderHealth.DEGRADED.alertsAfter("unknown")).isTrue();
        assertThat(ProviderHealth.DEGRADED.alertsAfter(null)).isTrue();
        assertThat(ProviderHealth.DEGRADED.alertsAfter("healthy")).isTrue();
        assertThat(ProviderHealth.DEGRADED.alertsAfter("offline")).isTrue();
        assertThat(ProviderHealth.DEGRADED.alertsAfter("degraded")).isFalse();
        assertThat(ProviderHealth.OFFLINE.alertsAfter("Broken (legacy)")).isTrue();
        assertThat(ProviderHealth.HEALTHY.alertsAfter("degraded")).isFalse();
        assertThat(ProviderHealth.HEALTHY.alertsAfter("unknown")).isFalse();
    }

    @Test
    void storedTextReadsBackOnlyWhenItIsOneOfTheNames() {
        for (ProviderHealth health : ProviderHealth.values()) {
            assertThat(ProviderHealth.ofWire(health.wireName())).contains(health);
        }
        assertThat(ProviderHealth.ofWire("HEALTHY")).isEmpty();
        assertThat(ProviderHealth.ofWire("ok")).isEmpty();
        assertThat(ProviderHealth.ofWire(null)).isEmpty();
    }
}
