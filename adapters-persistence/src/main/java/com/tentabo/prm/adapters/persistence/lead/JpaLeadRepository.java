package com.tentabo.prm.adapters.persistence.lead;

import com.tentabo.prm.application.lead.LeadQuery;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.LeadActivityId;
import com.tentabo.prm.domain.id.LeadHistoryId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.LeadNoteId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.lead.ActivityType;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadActivity;
import com.tentabo.prm.domain.lead.LeadDetails;
import com.tentabo.prm.domain.lead.LeadNote;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.domain.lead.StatusChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

@ApplicationScoped
public class JpaLeadRepository implements LeadRepository {

    private final EntityManager em;

    public JpaLeadRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Lead> findById(LeadId id) {
        return Optional.ofNullable(em.find(LeadEntity.class, id.value())).map(JpaLeadRepository::restore);
    }

    @Override
    public Optional<Lead> findByIdForUpdate(LeadId id) {
        return Optional.ofNullable(
                        em.find(LeadEntity.class, id.value(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .map(JpaLeadRepository::restore);
    }

    @Override
    public void save(Lead lead) {
        LeadEntity e = em.find(LeadEntity.class, lead.id().value());
        boolean isNew = e == null;
        if (isNew) {
            e = new LeadEntity();
            e.id = lead.id().value();
            e.providerName = lead.providerName();
            e.providerId = lead.providerId();
            e.createdAt = lead.createdAt();
            e.partnerId = EntityId.uuid(lead.tenant().partnerId());
            e.distributorId = EntityId.uuid(lead.tenant().distributorId());
        }
        LeadDetails d = lead.details();
        e.title = d.title();
        e.organization = d.organization();
        e.contactName = d.contactName();
        e.contactEmail = d.contactEmail();
        e.contactPhone = d.contactPhone();
        e.value = d.value();
        e.currency = d.currency();
        e.probability = d.probability();
        e.expectedCloseDate = d.expectedCloseDate();
        e.status = lead.status();
        e.ownerId = lead.ownerId().value();
        e.updatedAt = lead.updatedAt();
        if (isNew) {
            em.persist(e);
        }
        em.flush();
    }

    @Override
    public void delete(LeadId leadId) {
        UUID id = leadId.value();
        LeadEntity e = em.find(LeadEntity.class, id);
        if (e != null) {
            em.createQuery("delete from LeadStatusHistoryEntity h where h.leadId = :id")
                    .setParameter("id", id)
                    .executeUpdate();
            em.createQuery("delete from LeadActivityEntity a where a.leadId = :id")
                    .setParameter("id", id)
                    .executeUpdate();
            em.createQuery("delete from LeadNoteEntity n where n.leadId = :id")
                    .setParameter("id", id)
                    .executeUpdate();
            em.remove(e);
            em.flush();
        }
    }

    @Override
    public boolean hasOrders(LeadId id) {
        return !em.createNativeQuery("SELECT 1 FROM orders WHERE lead_id = ?1")
                .setParameter(1, id.value())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public Page<Lead> list(LeadQuery query, TenantScope scope) {
        em.flush();
        return em.unwrap(Session.class).doReturningWork(c -> LeadListSql.run(c, query, scope));
    }

    @Override
    public Map<LeadStatus, Page<Lead>> board(LeadQuery query, List<LeadStatus> columns, TenantScope scope) {
        em.flush();
        return em.unwrap(Session.class).doReturningWork(c -> LeadListSql.runBoard(c, query, columns, scope));
    }

    @Override
    public void appendHistory(StatusChange change) {
        LeadStatusHistoryEntity e = new LeadStatusHistoryEntity();
        e.id = change.id().value();
        e.leadId = change.leadId().value();
        e.oldStatus = change.from();
        e.newStatus = change.to();
        e.changedByUserId = EntityId.uuid(change.changedBy());
        e.reason = change.reason();
        e.changedAt = change.at();
        em.persist(e);
        em.flush();
    }

    @Override
    public List<StatusChange> history(LeadId leadId) {
        return em.createQuery(
                        "select h from LeadStatusHistoryEntity h where h.leadId = :id order by h.changedAt, h.id",
                        LeadStatusHistoryEntity.class)
                .setParameter("id", leadId.value())
                .getResultStream()
                .map(h -> new StatusChange(
                        new LeadHistoryId(h.id),
                        leadId,
                        h.oldStatus,
                        h.newStatus,
                        UserId.ofNullable(h.changedByUserId),
                        h.reason,
                        h.changedAt))
                .toList();
    }

    @Override
    public Optional<LeadActivity> findActivity(LeadId leadId, LeadActivityId activityId) {
        LeadActivityEntity e = em.find(LeadActivityEntity.class, activityId.value());
        return e == null || !e.leadId.equals(leadId.value()) ? Optional.empty() : Optional.of(restore(e));
    }

    @Override
    public Optional<LeadActivity> findActivityForUpdate(LeadId leadId, LeadActivityId activityId) {
        LeadActivityEntity e = em.find(
                LeadActivityEntity.class, activityId.value(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return e == null || !e.leadId.equals(leadId.value()) ? Optional.empty() : Optional.of(restore(e));
    }

    @Override
    public void saveActivity(LeadActivity a) {
        LeadActivityEntity e = em.find(LeadActivityEntity.class, a.id().value());
        boolean isNew = e == null;
        if (isNew) {
            e = new LeadActivityEntity();
            e.id = a.id().value();
            e.leadId = a.leadId().value();
            e.providerName = Lead.OWN_PROVIDER;
            e.userId = EntityId.uuid(a.userId());
            e.createdAt = a.createdAt();
        }
        if (isNew || typeOf(e.activityType) != a.type()) {
            // a stored spelling ('Phone call', 'CALL') stays unless the type itself is changed
            e.activityType = a.type().name().toLowerCase(Locale.ROOT);
        }
        e.subject = a.subject();
        e.description = a.description();
        e.dueDate = a.dueDate();
        e.done = a.done();
        e.doneAt = a.doneAt();
        e.updatedAt = a.updatedAt();
        if (isNew) {
            em.persist(e);
        }
        em.flush();
    }

    @Override
    public void deleteActivity(LeadActivityId activityId) {
        em.createQuery("delete from LeadActivityEntity a where a.id = :id")
                .setParameter("id", activityId.value())
                .executeUpdate();
    }

    @Override
    public Page<LeadActivity> activities(LeadId leadId, Cursor after, int limit) {
        StringBuilder jpql = new StringBuilder("select a from LeadActivityEntity a where a.leadId = :id");
        Instant due = null;
        Instant at = null;
        if (after != null) {
            // the cursor key is "<due date or ->/<created at>": the rows after it in (due date nulls last, created, id)
            String[] parts = after.key().split("/", 2);
            if (parts.length != 2) {
                throw Cursor.invalid();
            }
            due = "-".equals(parts[0]) ? null : new Cursor(parts[0], after.id()).createdAt();
            at = new Cursor(parts[1], after.id()).createdAt();
            String later = "(a.createdAt > :at or (a.createdAt = :at and a.id > :afterId))";
            jpql.append(
                    due == null
                            ? " and a.dueDate is null and " + later
                            : " and (a.dueDate > :due or a.dueDate is null or (a.dueDate = :due and " + later + "))");
        }
        jpql.append(" order by a.dueDate asc nulls last, a.createdAt, a.id");
        TypedQuery<LeadActivityEntity> query = em.createQuery(jpql.toString(), LeadActivityEntity.class)
                .setParameter("id", leadId.value())
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("at", at).setParameter("afterId", after.id());
            if (due != null) {
                query.setParameter("due", due);
            }
        }
        List<LeadActivity> rows =
                query.getResultStream().map(JpaLeadRepository::restore).toList();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        LeadActivity last = rows.get(limit - 1);
        String key = (last.dueDate() == null ? "-" : last.dueDate().toString()) + "/" + last.createdAt();
        return new Page<>(rows.subList(0, limit), new Cursor(key, last.id().value()).encode());
    }

    @Override
    public Optional<LeadNote> findNote(LeadId leadId, LeadNoteId noteId) {
        LeadNoteEntity e = em.find(LeadNoteEntity.class, noteId.value());
        return e == null || !e.leadId.equals(leadId.value()) ? Optional.empty() : Optional.of(restore(e));
    }

    @Override
    public void saveNote(LeadNote note) {
        LeadNoteEntity e = new LeadNoteEntity();
        e.id = note.id().value();
        e.leadId = note.leadId().value();
        e.providerName = Lead.OWN_PROVIDER;
        e.content = note.content();
        e.createdByUserId = EntityId.uuid(note.authorId());
        e.createdAt = note.createdAt();
        e.updatedAt = note.updatedAt();
        em.persist(e);
        em.flush();
    }

    @Override
    public void deleteNote(LeadNoteId noteId) {
        em.createQuery("delete from LeadNoteEntity n where n.id = :id")
                .setParameter("id", noteId.value())
                .executeUpdate();
    }

    @Override
    public Page<LeadNote> notes(LeadId leadId, Cursor after, int limit) {
        TypedQuery<LeadNoteEntity> query = em.createQuery(
                        "select n from LeadNoteEntity n where n.leadId = :id"
                                + (after == null
                                        ? ""
                                        : " and (n.createdAt < :at or (n.createdAt = :at and n.id < :afterId))")
                                + " order by n.createdAt desc, n.id desc",
                        LeadNoteEntity.class)
                .setParameter("id", leadId.value())
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("at", after.createdAt()).setParameter("afterId", after.id());
        }
        return Page.ofRows(
                query.getResultStream().map(JpaLeadRepository::restore).toList(),
                limit,
                LeadNote::createdAt,
                note -> note.id().value());
    }

    static Lead restore(LeadEntity e) {
        return Lead.restore(
                new LeadId(e.id),
                e.providerName,
                e.providerId,
                LeadDetails.stored(
                        e.title,
                        e.organization,
                        e.contactName,
                        e.contactEmail,
                        e.contactPhone,
                        e.value,
                        e.currency,
                        e.probability,
                        e.expectedCloseDate),
                e.status,
                new UserId(e.ownerId),
                TenantRef.of(PartnerId.ofNullable(e.partnerId), DistributorId.ofNullable(e.distributorId)),
                e.createdAt,
                e.updatedAt);
    }

    /** The type a stored spelling stands for, any case and surrounding blanks; one the domain does not know is OTHER. */
    static ActivityType typeOf(String stored) {
        try {
            return ActivityType.valueOf(stored.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return ActivityType.OTHER;
        }
    }

    static LeadActivity restore(LeadActivityEntity e) {
        return LeadActivity.stored(
                new LeadActivityId(e.id),
                new LeadId(e.leadId),
                typeOf(e.activityType),
                e.subject,
                e.description,
                e.dueDate,
                Boolean.TRUE.equals(e.done),
                e.doneAt,
                UserId.ofNullable(e.userId),
                e.createdAt,
                e.updatedAt);
    }

    static LeadNote restore(LeadNoteEntity e) {
        return LeadNote.stored(
                new LeadNoteId(e.id),
                new LeadId(e.leadId),
                e.content,
                UserId.ofNullable(e.createdByUserId),
                e.createdAt,
                e.updatedAt);
    }
}
