package com.tentabo.prm.adapters.rest.order;

import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.note.Note;
import java.time.Instant;
import java.util.UUID;

public record NoteResponse(
        UUID id,
        UUID orderId,
        UUID contractId,
        String content,
        boolean isInternal,
        boolean isPinned,
        UUID createdBy,
        Instant createdAt) {
    public static NoteResponse from(Note n) {
        return new NoteResponse(
                n.id().value(),
                EntityId.uuid(n.orderId()),
                EntityId.uuid(n.contractId()),
                n.content(),
                n.internal(),
                n.pinned(),
                n.createdBy(),
                n.createdAt());
    }
}
