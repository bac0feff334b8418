package com.tentabo.prm.adapters.persistence.lead;

import com.tentabo.prm.application.lead.port.out.CrmFollowUpRepository;
import com.tentabo.prm.application.provider.CrmActivity;
import com.tentabo.prm.application.provider.CrmNote;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.lead.ActivityType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A CRM's activities and notes by the CRM's id ({@code provider_name}, {@code provider_id}); the seed has no unique
 * index on the pair, so the caller holds the lead's advisory lock ({@link JpaLeadSyncRepository#lockByProvider}) or
 * the event's claim. An activity's type is stored in lower case: the PRM's types by name, any other CRM type as
 * {@code other} (the CRM's own word kept in {@code provider_metadata.type}).
 */
@ApplicationScoped
public class JpaCrmFollowUpRepository implements CrmFollowUpRepository {

    private final EntityManager em;

    public JpaCrmFollowUpRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean putActivity(LeadId leadId, String providerName, CrmActivity activity, Instant now) {
        LeadActivityEntity e = activities(providerName, activity.providerId()).stream()
                .findFirst()
                .orElse(null);
        boolean isNew = e == null;
        if (isNew) {
            e = new LeadActivityEntity();
            e.id = UUID.randomUUID();
            e.providerName = providerName;
            e.providerId = activity.providerId();
            e.createdAt = now;
        }
        String type = typeOf(activity.type());
        String subject = activity.subject() == null
                ? null
                : activity.subject()
                        .strip()
                        .substring(0, Math.min(255, activity.subject().strip().length()));
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("type", activity.type());
        metadata.put(
                "update_time",
                activity.updatedAt() == null ? null : activity.updatedAt().toString());
        boolean same = !isNew
                && leadId.value().equals(e.leadId)
                && type.equals(e.activityType)
                && Objects.equals(subject, e.subject)
                && Objects.equals(activity.description(), e.description)
                && Objects.equals(activity.dueDate(), e.dueDate)
                && Objects.equals(activity.done(), e.done)
                && Objects.equals(activity.doneAt(), e.doneAt)
                && metadata.equals(e.providerMetadata);
        if (same) {
            return false;
        }
        e.leadId = leadId.value();
        e.activityType = type;
        e.subject = subject;
        e.description = activity.description();
        e.dueDate = activity.dueDate();
        e.done = activity.done();
        e.doneAt = activity.doneAt();
        e.providerMetadata = metadata;
        e.updatedAt = now;
        if (isNew) {
            em.persist(e);
        }
        em.flush();
        return true;
    }

    @Override
    public boolean putNote(LeadId leadId, String providerName, CrmNote note, Instant now) {
        LeadNoteEntity e =
                notes(providerName, note.providerId()).stream().findFirst().orElse(null);
        String content = note.content() == null ? "" : note.content();
        if (e != null && leadId.value().equals(e.leadId) && content.equals(e.content)) {
            return false;
        }
        boolean isNew = e == null;
        if (isNew) {
            e = new LeadNoteEntity();
            e.id = UUID.randomUUID();
            e.providerName = providerName;
            e.providerId = note.providerId();
            e.createdAt = note.addedAt() != null ? note.addedAt() : now;
        }
        e.leadId = leadId.value();
        e.content = content;
        e.updatedAt = now;
        if (isNew) {
            em.persist(e);
        }
        em.flush();
        return true;
    }

    @Override
    public boolean removeActivity(String providerName, String providerId) {
        List<LeadActivityEntity> found = activities(providerName, providerId);
        found.forEach(em::remove);
        em.flush();
        return !found.isEmpty();
    }

    @Override
    public boolean removeNote(String providerName, String providerId) {
        List<LeadNoteEntity> found = notes(providerName, providerId);
        found.forEach(em::remove);
        em.flush();
        return !found.isEmpty();
    }

    @Override
    public int retainActivities(LeadId leadId, String providerName, Set<String> keep) {
        List<LeadActivityEntity> gone = em.createQuery(
                        "select a from LeadActivityEntity a where a.leadId = :lead " + "and a.providerName = :name",
                        LeadActivityEntity.class)
                .setParameter("lead", leadId.value())
                .setParameter("name", providerName)
                .getResultStream()
                .filter(a -> a.providerId == null || !keep.contains(a.providerId))
                .toList();
        gone.forEach(em::remove);
        em.flush();
        return gone.size();
    }

    @Override
    public int retainNotes(LeadId leadId, String providerName, Set<String> keep) {
        List<LeadNoteEntity> gone = em.createQuery(
                        "select n from LeadNoteEntity n where n.leadId = :lead " + "and n.providerName = :name",
                        LeadNoteEntity.class)
                .setParameter("lead", leadId.value())
                .setParameter("name", providerName)
                .getResultStream()
                .filter(n -> n.providerId == null || !keep.contains(n.providerId))
                .toList();
        gone.forEach(em::remove);
        em.flush();
        return gone.size();
    }

    private List<LeadActivityEntity> activities(String providerName, String providerId) {
        return em.createQuery(
                        "select a from LeadActivityEntity a where a.providerName = :name and a.providerId = :id",
                        LeadActivityEntity.class)
                .setParameter("name", providerName)
                .setParameter("id", providerId)
                .getResultList();
    }

    private List<LeadNoteEntity> notes(String providerName, String providerId) {
        return em.createQuery(
                        "select n from LeadNoteEntity n where n.providerName = :name and n.providerId = :id",
                        LeadNoteEntity.class)
                .setParameter("name", providerName)
                .setParameter("id", providerId)
                .getResultList();
    }

    /** The CRM's type as the PRM stores it: one of {@link ActivityType} in lower case, else {@code other}. */
    private static String typeOf(String crmType) {
        String wanted = crmType == null ? "" : crmType.strip().toUpperCase(Locale.ROOT);
        for (ActivityType type : ActivityType.values()) {
            if (type.name().equals(wanted)) {
                return type.name().toLowerCase(Locale.ROOT);
            }
        }
        return ActivityType.OTHER.name().toLowerCase(Locale.ROOT);
    }
}
