package com.tentabo.prm.adapters.rest.order;

import com.tentabo.prm.adapters.rest.shared.IdempotencyKeys;
import com.tentabo.prm.application.note.port.in.NotesUseCase;
import com.tentabo.prm.domain.access.Caller;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;

/** A note to add to an order or contract. */
public record NoteRequest(
        @NotNull @Size(min = 1, max = 10_000) String content, Boolean isInternal, Boolean isPinned) {

    /** Adds this note to the order or contract and answers 201 (the first note again for a retried Idempotency-Key). */
    public Response addTo(NotesUseCase notes, Caller caller, NotesUseCase.Parent parent, String idempotencyKey) {
        var note = notes.add(new NotesUseCase.AddNoteCommand(
                caller,
                parent,
                content,
                Boolean.TRUE.equals(isInternal),
                Boolean.TRUE.equals(isPinned),
                IdempotencyKeys.of(idempotencyKey, parent.id().value(), this)));
        return IdempotencyKeys.created(null, note, NoteResponse.from(note.value()))
                .build();
    }
}
