package com.tentabo.prm.application.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.application.provider.SyncRunStatus;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.domain.shared.DomainException;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class OutboxStatusTest {

    @Test
    void aPendingEventEndsDeliveredFailedOrSkippedOrStaysPending() {
        for (OutboxStatus to : OutboxStatus.values()) {
            assertThat(OutboxStatus.PENDING.canMoveTo(to)).as("PENDING → " + to).isTrue();
        }
    }

    @Test
    void onlyAFailedOrSkippedEventGoesBackToPendingAndADeliveredOneIsFinal() {
        assertThat(EnumSet.allOf(OutboxStatus.class).stream().filter(OutboxStatus::requeueable))
                .containsExactlyInAnyOrder(OutboxStatus.FAILED, OutboxStatus.SKIPPED);
        for (OutboxStatus to : OutboxStatus.values()) {
            assertThat(OutboxStatus.DELIVERED.canMoveTo(to))
                    .as("DELIVERED → " + to)
                    .isFalse();
            assertThat(OutboxStatus.FAILED.canMoveTo(to)).as("FAILED → " + to).isEqualTo(to == OutboxStatus.PENDING);
        }
    }

    @Test
    void aStatusFilterIsReadInAnyCaseAndAnUnknownOneIsA400NamingTheField() {
        assertThat(OutboxStatus.parse("skipped")).isEqualTo(OutboxStatus.SKIPPED);
        assertThat(OutboxStatus.parse("Delivered")).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(OutboxStatus.parse(null)).isNull();
        assertThatThrownBy(() -> OutboxStatus.parse("done"))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations())
                                .singleElement()
                                .satisfies(v -> assertThat(v.field()).isEqualTo("status")));
        assertThat(OutboxStatus.FAILED.wireName()).isEqualTo("failed");
    }

    @Test
    void aSyncRunIsASuccessWhenItCompletedPartialWhenItProgressedAndFailedOtherwise() {
        assertThat(SyncRunStatus.of(true, false)).isEqualTo(SyncRunStatus.SUCCESS);
        assertThat(SyncRunStatus.of(true, true)).isEqualTo(SyncRunStatus.SUCCESS);
        assertThat(SyncRunStatus.of(false, true)).isEqualTo(SyncRunStatus.PARTIAL);
        assertThat(SyncRunStatus.of(false, false)).isEqualTo(SyncRunStatus.FAILED);
    }

    @Test
    void aWebhookEventIsRequeueableOnlyWhenFailedOrIgnoredAndAnUnknownStoredStatusIsNone() {
        assertThat(EnumSet.allOf(WebhookEventStatus.class).stream().filter(WebhookEventStatus::requeueable))
                .containsExactlyInAnyOrder(WebhookEventStatus.FAILED, WebhookEventStatus.IGNORED);
        assertThat(WebhookEventStatus.PROCESSED.canMoveTo(WebhookEventStatus.PENDING))
                .isFalse();
        assertThat(WebhookEventStatus.PENDING.canMoveTo(WebhookEventStatus.PENDING))
                .isTrue();
        assertThat(WebhookEventStatus.ofWire("ignored")).contains(WebhookEventStatus.IGNORED);
        assertThat(WebhookEventStatus.ofWire("received")).isEmpty();
        assertThat(WebhookEventStatus.ofWire(null)).isEmpty();
    }
}
