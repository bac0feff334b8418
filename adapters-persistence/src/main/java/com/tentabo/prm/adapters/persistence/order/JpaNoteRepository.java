package com.tentabo.prm.adapters.persistence.order;

import com.tentabo.prm.application.note.port.out.NoteRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.NoteId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.note.Note;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaNoteRepository implements NoteRepository {

    private final EntityManager em;

    public JpaNoteRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void insert(Note note) {
        NoteEntity e = new NoteEntity();
        e.id = note.id().value();
        e.orderId = EntityId.uuid(note.orderId());
        e.contractId = EntityId.uuid(note.contractId());
        e.content = note.content();
        e.isInternal = note.internal();
        e.isPinned = note.pinned();
        e.createdBy = note.createdBy();
        e.createdAt = note.createdAt();
        e.updatedAt = note.updatedAt();
        em.persist(e);
    }

    @Override
    public Page<Note> ofOrder(OrderId orderId, boolean includeInternal, Cursor after, int limit) {
        return query("n.orderId = :id", orderId.value(), includeInternal, after, limit);
    }

    @Override
    public Page<Note> ofContract(ContractId contractId, boolean includeInternal, Cursor after, int limit) {
        return query("n.contractId = :id", contractId.value(), includeInternal, after, limit);
    }

    @Override
    public Optional<Note> findById(NoteId id) {
        return Optional.ofNullable(em.find(NoteEntity.class, id.value())).map(JpaNoteRepository::restore);
    }

    /**
     * Pinned first, then newest: a keyset on (pinned, created_at, id) descending. The cursor key is
     * {@code "<1 if pinned, else 0>/<created at>"}.
     */
    private Page<Note> query(String condition, UUID id, boolean includeInternal, Cursor after, int limit) {
        StringBuilder jpql = new StringBuilder("select n from NoteEntity n where ")
                .append(condition)
                .append(includeInternal ? "" : " and n.isInternal = false");
        boolean afterPinned = false;
        if (after != null) {
            afterPinned = after.key().startsWith("1/");
            if (!afterPinned && !after.key().startsWith("0/")) {
                throw Cursor.invalid();
            }
            String older = "(n.createdAt < :at or (n.createdAt = :at and n.id < :afterId))";
            jpql.append(
                    afterPinned
                            ? " and ((n.isPinned = true and " + older + ") or n.isPinned = false or n.isPinned is null)"
                            : " and (n.isPinned = false or n.isPinned is null) and " + older);
        }
        jpql.append(" order by case when n.isPinned = true then 0 else 1 end, n.createdAt desc, n.id desc");
        TypedQuery<NoteEntity> query = em.createQuery(jpql.toString(), NoteEntity.class)
                .setParameter("id", id)
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("at", new Cursor(after.key().substring(2), after.id()).createdAt())
                    .setParameter("afterId", after.id());
        }
        List<Note> rows =
                query.getResultStream().map(JpaNoteRepository::restore).toList();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        Note last = rows.get(limit - 1);
        return new Page<>(
                rows.subList(0, limit),
                new Cursor(
                                (last.pinned() ? "1/" : "0/") + last.createdAt(),
                                last.id().value())
                        .encode());
    }

    private static Note restore(NoteEntity n) {
        return new Note(
                new NoteId(n.id),
                OrderId.ofNullable(n.orderId),
                ContractId.ofNullable(n.contractId),
                n.content,
                Boolean.TRUE.equals(n.isInternal),
                Boolean.TRUE.equals(n.isPinned),
                n.createdBy,
                n.createdAt,
                n.updatedAt);
    }
}
