package com.tentabo.prm.adapters.persistence.order;

import com.tentabo.prm.application.note.port.out.NoteRepository;
import com.tentabo.prm.domain.note.Note;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

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
        e.id = note.id();
        e.orderId = note.orderId();
        e.contractId = note.contractId();
        e.content = note.content();
        e.isInternal = note.internal();
        e.isPinned = note.pinned();
        e.createdBy = note.createdBy();
        e.createdAt = note.createdAt();
        e.updatedAt = note.updatedAt();
        em.persist(e);
    }

    @Override
    public List<Note> ofOrder(UUID orderId, boolean includeInternal) {
        return query("n.orderId = :id", orderId, includeInternal);
    }

    @Override
    public List<Note> ofContract(UUID contractId, boolean includeInternal) {
        return query("n.contractId = :id", contractId, includeInternal);
    }

    @Override
    public Optional<Note> findById(UUID id) {
        return Optional.ofNullable(em.find(NoteEntity.class, id)).map(JpaNoteRepository::restore);
    }

    private List<Note> query(String condition, UUID id, boolean includeInternal) {
        String jpql = "select n from NoteEntity n where " + condition + (includeInternal ? "" : " and n.isInternal = false")
                + " order by case when n.isPinned = true then 0 else 1 end, n.createdAt desc, n.id desc";
        return em.createQuery(jpql, NoteEntity.class).setParameter("id", id).setMaxResults(500).getResultList().stream()
                .map(JpaNoteRepository::restore).toList();
    }

    private static Note restore(NoteEntity n) {
        return new Note(n.id, n.orderId, n.contractId, n.content, Boolean.TRUE.equals(n.isInternal),
                Boolean.TRUE.equals(n.isPinned), n.createdBy, n.createdAt, n.updatedAt);
    }
}
