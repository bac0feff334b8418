package com.tentabo.prm.application.note.port.out;

import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.note.Note;
import java.util.Optional;
import java.util.UUID;

/** Notes on orders and contracts ({@code notes}). */
public interface NoteRepository {
    void insert(Note note);

    /**
     * A page of the notes of an order (or contract), internal ones included only when asked; pinned first, then
     * newest; {@code after} is the cursor of the previous page (null for the first).
     */
    Page<Note> ofOrder(UUID orderId, boolean includeInternal, Cursor after, int limit);

    Page<Note> ofContract(UUID contractId, boolean includeInternal, Cursor after, int limit);

    Optional<Note> findById(UUID id);
}
