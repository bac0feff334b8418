package com.tentabo.prm.domain.note;

import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.NoteId;
import com.tentabo.prm.domain.id.OrderId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * A note on an order or a contract ({@code notes}). Internal notes are never shown to PARTNER or DISTRIBUTOR users;
 * pinned notes come first, then newest first.
 */
public record Note(
        NoteId id,
        OrderId orderId,
        ContractId contractId,
        String content,
        boolean internal,
        boolean pinned,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_LENGTH = 10_000;

    /** Pinned first, then newest first, ties broken by id. */
    public static final Comparator<Note> DISPLAY_ORDER = Comparator.comparing((Note n) -> !n.pinned())
            .thenComparing(Note::createdAt, Comparator.reverseOrder())
            .thenComparing((Note n) -> n.id().value(), Comparator.reverseOrder());

    public Note {
        Objects.requireNonNull(id, "id");
        if (orderId == null && contractId == null) {
            throw new IllegalArgumentException("a note belongs to an order or a contract");
        }
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
