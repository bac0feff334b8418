package com.tentabo.prm.application.note.port.out;

import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.NoteId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.note.Note;
import java.util.Optional;

/** Notes on orders and contracts ({@code notes}). */
public interface NoteRepository {
    void insert(Note note);

    /**
     * A page of the notes of an order (or contract), internal ones included only when asked; pinned first, then
     * newest; {@code after} is the cursor of the previous page (null for the first).
     */
    Page<Note> ofOrder(OrderId orderId, boolean includeInternal, Cursor after, int limit);

    Page<Note> ofContract(ContractId contractId, boolean includeInternal, Cursor after, int limit);

    Optional<Note> findById(NoteId id);
}
