package com.tentabo.prm.application.note.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.contract.port.out.ContractRepository;
import com.tentabo.prm.application.identity.service.AuthorLinks;
import com.tentabo.prm.application.note.port.in.NotesUseCase;
import com.tentabo.prm.application.note.port.out.NoteRepository;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.IdempotentCreates;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.NoteId;
import com.tentabo.prm.domain.note.Note;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderAccess;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who may write a note: whoever may see the order or contract and holds the capability of its parent in the role
 * table (orders: {@link Capability#ORDER_NOTES_WRITE} — ADMIN, RESTRICTED_ADMIN, PARTNER, FULFILLER; contracts:
 * {@link Capability#CONTRACT_NOTES_WRITE} — ADMIN, FULFILLER). Only staff pin ({@link Capability#NOTES_PIN}); only
 * roles that may read internal notes may write one, so partners' notes are never internal.
 */
@ApplicationScoped
@Transactional
public class NoteService implements NotesUseCase {

    private final NoteRepository notes;
    private final OrderRepository orders;
    private final ContractRepository contracts;
    private final AuditRecorder audit;
    private final AuthorLinks authors;
    private final IdGenerator ids;
    private final IdempotentCreates idempotency;
    private final Clock clock;

    public NoteService(
            NoteRepository notes,
            OrderRepository orders,
            ContractRepository contracts,
            AuditRecorder audit,
            AuthorLinks authors,
            IdGenerator ids,
            IdempotentCreates idempotency,
            Clock clock) {
        this.notes = notes;
        this.orders = orders;
        this.contracts = contracts;
        this.audit = audit;
        this.authors = authors;
        this.ids = ids;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public Created<Note> add(AddNoteCommand command) {
        Caller caller = command.caller();
        requireVisibleParent(caller, command.parent());
        AccessPolicy.require(
                caller, command.parent().isOrder() ? Capability.ORDER_NOTES_WRITE : Capability.CONTRACT_NOTES_WRITE);
        if (command.pinned()) {
            AccessPolicy.require(caller, Capability.NOTES_PIN);
        }
        String content = command.content() == null ? "" : command.content().strip();
        if (content.isEmpty() || content.length() > Note.MAX_LENGTH) {
            throw DomainException.invalid("content", "must be 1 to " + Note.MAX_LENGTH + " characters");
        }
        if (command.internal() && !AccessPolicy.can(caller, Capability.NOTES_INTERNAL)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Your role cannot write internal notes");
        }
        UUID id = ids.newId();
        return idempotency.create(
                caller,
                "add-note",
                command.idempotencyKey(),
                id,
                existing -> notes.findById(new NoteId(existing))
                        .orElseThrow(() -> DomainException.notFound(ErrorCode.RESOURCE_NOT_FOUND, "Note", existing)),
                () -> insert(command, id, content));
    }

    private Note insert(AddNoteCommand command, UUID id, String content) {
        Caller caller = command.caller();
        Instant now = clock.instant();
        Note note = new Note(
                new NoteId(id),
                command.parent().orderId(),
                command.parent().contractId(),
                content,
                command.internal(),
                command.pinned(),
                authors.authorOf(caller).value(),
                now,
                now);
        notes.insert(note);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("parent", command.parent().kind());
        fields.put("parent_id", command.parent().id().toString());
        fields.put("is_internal", note.internal());
        fields.put("is_pinned", note.pinned());
        audit.record(caller, AuditChange.created("note", note.id().value(), fields), now);
        return note;
    }

    @Override
    public Page<Note> list(Caller caller, Parent parent, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        requireVisibleParent(caller, parent);
        boolean internal = AccessPolicy.can(caller, Capability.NOTES_INTERNAL);
        return parent.isOrder()
                ? notes.ofOrder(parent.orderId(), internal, after, size)
                : notes.ofContract(parent.contractId(), internal, after, size);
    }

    private void requireVisibleParent(Caller caller, Parent parent) {
        EntityId parentId = parent.id();
        if (parent.isOrder()) {
            Order order = orders.findById(parent.orderId())
                    .orElseThrow(() -> DomainException.notFound(ErrorCode.ORDER_NOT_FOUND, "Order", parentId));
            OrderAccess.requireVisible(caller, order);
        } else {
            AccessPolicy.require(caller, Capability.CONTRACTS_READ);
            Contract contract = contracts
                    .findById(parent.contractId())
                    .orElseThrow(() -> DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND, "Contract", parentId));
            AccessPolicy.requireInScope(caller, contract.tenant(), ErrorCode.CONTRACT_NOT_FOUND, "Contract", parentId);
        }
    }
}
