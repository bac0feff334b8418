package com.tentabo.prm.application.note.port.out;

import com.tentabo.prm.domain.note.Note;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Notes on orders and contracts ({@code notes}). */
public interface NoteRepository {
    void insert(Note note);

    /** The notes of an order (or contract), internal ones included only when asked; pinned first, then newest. */
    List<Note> ofOrder(UUID orderId, boolean includeInternal);

    List<Note> ofContract(UUID contractId, boolean includeInternal);

    Optional<Note> findById(UUID id);
}
