package com.tentabo.prm.application.note.port.in;

import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.note.Note;

/** Notes on orders and contracts: internal ones hidden from PARTNER and DISTRIBUTOR users, pinned first. */
public interface NotesUseCase {

    /** What a note is on: exactly one of an order and a contract. */
    record Parent(OrderId orderId, ContractId contractId) {
        public Parent {
            if ((orderId == null) == (contractId == null)) {
                throw new IllegalArgumentException("a note is on an order or on a contract");
            }
        }

        public static Parent of(OrderId order) {
            return new Parent(order, null);
        }

        public static Parent of(ContractId contract) {
            return new Parent(null, contract);
        }

        public boolean isOrder() {
            return orderId != null;
        }

        /** The order's or the contract's id. */
        public EntityId id() {
            return isOrder() ? orderId : contractId;
        }

        /** {@code order} or {@code contract}. */
        public String kind() {
            return isOrder() ? "order" : "contract";
        }
    }

    record AddNoteCommand(
            Caller caller,
            Parent parent,
            String content,
            boolean internal,
            boolean pinned,
            IdempotencyKey idempotencyKey) {}

    /** Adds a note; with an Idempotency-Key, a retry of the same request answers the first note ({@code replayed}). */
    Created<Note> add(AddNoteCommand command);

    /** A page of the notes (pinned first, then newest): {@code cursor} from the previous page, {@code limit} 1–200. */
    Page<Note> list(Caller caller, Parent parent, String cursor, Integer limit);
}
