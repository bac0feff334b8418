package com.tentabo.prm.application.shared.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.outbox.OutboxStatus;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ItemStateTest {

    @Test
    void aPendingItemMaySettleAnyWayAndOnlyAnItemEndedUndoneGoesBack() {
        for (ItemState to : ItemState.values()) {
            assertThat(ItemState.PENDING.canMoveTo(to)).as("PENDING → " + to).isTrue();
            assertThat(ItemState.DONE.canMoveTo(to)).as("DONE → " + to).isFalse();
            assertThat(ItemState.GIVEN_UP.canMoveTo(to)).as("GIVEN_UP → " + to).isEqualTo(to == ItemState.PENDING);
            assertThat(ItemState.NOTHING_TO_DO.canMoveTo(to))
                    .as("NOTHING_TO_DO → " + to)
                    .isEqualTo(to == ItemState.PENDING);
        }
        assertThat(EnumSet.allOf(ItemState.class).stream().filter(ItemState::requeueable))
                .containsExactlyInAnyOrder(ItemState.GIVEN_UP, ItemState.NOTHING_TO_DO);
    }

    @Test
    void eachQueueNamesEveryStateOnce() {
        assertThat(Arrays.stream(OutboxStatus.values()).map(OutboxStatus::state))
                .containsExactlyInAnyOrder(ItemState.values());
        assertThat(Arrays.stream(WebhookEventStatus.values()).map(WebhookEventStatus::state))
                .containsExactlyInAnyOrder(ItemState.values());
    }
}
