package com.tentabo.prm.adapters.persistence.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.provider.ProviderHealth;
import org.junit.jupiter.api.Test;

class ProviderHealthColumnTest {

    @Test
    void eachHealthIsStoredAsTheSeedsStringAndReadsBack() {
        assertThat(ProviderHealthColumn.stored(ProviderHealth.UNKNOWN)).isEqualTo("unknown");
        assertThat(ProviderHealthColumn.stored(ProviderHealth.HEALTHY)).isEqualTo("healthy");
        assertThat(ProviderHealthColumn.stored(ProviderHealth.OFFLINE)).isEqualTo("offline");
        assertThat(ProviderHealthColumn.stored(ProviderHealth.DEGRADED)).isEqualTo("degraded");
        for (ProviderHealth health : ProviderHealth.values()) {
            assertThat(ProviderHealth.ofWire(ProviderHealthColumn.stored(health)))
                    .contains(health);
        }
    }
}
