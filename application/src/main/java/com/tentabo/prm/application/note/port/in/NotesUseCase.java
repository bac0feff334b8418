package com.tentabo.prm.application.note.port.in;

import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.note.Note;
import java.util.UUID;

/** Notes on orders and contracts: internal ones hidden from PARTNER and DISTRIBUTOR users, pinned first. */
public interface NotesUseCase {

    enum Parent {
        ORDER,
        CONTRACT
    }

    record AddNoteCommand(
            Caller caller,
            Parent parent,
            UUID parentId,
            String content,
            boolean internal,
            boolean pinned,
            IdempotencyKey idempotencyKey) {}

    /** Adds a note; with an Idempotency-Key, a retry of the same request answers the first note ({@code replayed}). */
    Created<Note> add(AddNoteCommand command);

    /** A page of the notes (pinned first, then newest): {@code cursor} from the previous page, {@code limit} 1–200. */
    Page<Note> list(Caller caller, Parent parent, UUID parentId, String cursor, Integer limit);
}
