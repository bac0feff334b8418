package com.tentabo.prm.adapters.persistence.outbox;

import com.tentabo.prm.application.outbox.OutboxStatus;

/**
 * {@link OutboxStatus} as {@code outbox_events.status} stores it: the seed's strings {@code PENDING},
 * {@code DELIVERED}, {@code FAILED} and {@code SKIPPED} (its {@code check_outbox_status}), exactly.
 */
final class OutboxStatuses {

    private OutboxStatuses() {}

    static String stored(OutboxStatus status) {
        return switch (status) {
            case PENDING -> "PENDING";
            case DELIVERED -> "DELIVERED";
            case FAILED -> "FAILED";
            case SKIPPED -> "SKIPPED";
        };
    }

    /** The SQL literal of a status, for statements that name it. */
    static String literal(OutboxStatus status) {
        return "'" + stored(status) + "'";
    }

    static OutboxStatus read(String stored) {
        return switch (stored) {
            case "PENDING" -> OutboxStatus.PENDING;
            case "DELIVERED" -> OutboxStatus.DELIVERED;
            case "FAILED" -> OutboxStatus.FAILED;
            case "SKIPPED" -> OutboxStatus.SKIPPED;
            default ->
                throw new IllegalStateException(
                        "outbox_events.status holds " + stored + ", which check_outbox_status does not allow");
        };
    }
}
