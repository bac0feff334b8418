package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.lead.LeadQuery;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.LeadActivityId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.LeadNoteId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadActivity;
import com.tentabo.prm.domain.lead.LeadDetails;
import com.tentabo.prm.domain.lead.LeadNote;
import com.tentabo.prm.domain.lead.StatusChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@link LeadRepository} in memory. As in the database, a lead's partner, distributor, provider and creation time are
 * set when it is first saved; its history, activities and notes go with it when it is deleted.
 */
public class InMemoryLeads implements LeadRepository {

    private final Map<LeadId, Lead> leads = new ConcurrentHashMap<>();
    private final List<StatusChange> history = new ArrayList<>();
    private final Map<LeadActivityId, LeadActivity> activities = new ConcurrentHashMap<>();
    private final Map<LeadNoteId, LeadNote> notes = new ConcurrentHashMap<>();
    private final InMemoryOrders orders;

    /** @param orders the orders that may refer to leads ({@link #hasOrders}), or null when none do */
    public InMemoryLeads(InMemoryOrders orders) {
        this.orders = orders;
    }

    public InMemoryLeads() {
        this(null);
    }

    @Override
    public Optional<Lead> findById(LeadId id) {
        return Optional.ofNullable(leads.get(id));
    }

    @Override
    public Optional<Lead> findByIdForUpdate(LeadId id) {
        return findById(id);
    }

    @Override
    public synchronized void save(Lead lead) {
        Lead stored = leads.get(lead.id());
        if (stored == null) {
            leads.put(lead.id(), lead);
            return;
        }
        leads.put(
                lead.id(),
                Lead.restore(
                        lead.id(),
                        stored.providerName(),
                        stored.providerId(),
                        lead.details(),
                        lead.status(),
                        lead.ownerId(),
                        stored.tenant(),
                        stored.createdAt(),
                        lead.updatedAt()));
    }

    /** The leads a CRM gave under this id, oldest first (the seed allows repeats). */
    public List<Lead> byProvider(String providerName, String providerId) {
        return leads.values().stream()
                .filter(l -> providerName.equals(l.providerName()) && providerId.equals(l.providerId()))
                .sorted(java.util.Comparator.comparing(Lead::createdAt).thenComparing(l -> l.id().value()))
                .toList();
    }

    @Override
    public synchronized void delete(LeadId id) {
        leads.remove(id);
        history.removeIf(h -> h.leadId().equals(id));
        activities.values().removeIf(a -> a.leadId().equals(id));
        notes.values().removeIf(n -> n.leadId().equals(id));
    }

    @Override
    public boolean hasOrders(LeadId id) {
        return orders != null && orders.all().stream().anyMatch(o -> id.equals(o.leadId()));
    }

    @Override
    public Page<Lead> list(LeadQuery q, TenantScope scope) {
        List<Lead> rows = leads.values().stream()
                .filter(l -> Scopes.covers(scope, l.tenant()))
                .filter(l -> q.statuses().isEmpty() || q.statuses().contains(l.status()))
                .filter(l -> q.ownerId() == null || q.ownerId().equals(l.ownerId()))
                .filter(l ->
                        q.partnerId() == null || q.partnerId().equals(l.tenant().partnerId()))
                .filter(l -> q.distributorId() == null
                        || q.distributorId().equals(l.tenant().distributorId()))
                .filter(closing(q.closeFrom(), q.closeTo()))
                .filter(l -> q.provider() == null || q.provider().equals(l.providerName()))
                .filter(matching(q.search()))
                .filter(l -> q.after() == null
                        || Keys.before(
                                l.createdAt(),
                                l.id().value(),
                                q.after().createdAt(),
                                q.after().id()))
                .sorted(Keys.newestFirst(Lead::createdAt, l -> l.id().value()))
                .limit(q.limit() + 1L)
                .toList();
        return Page.ofRows(rows, q.limit(), Lead::createdAt, l -> l.id().value());
    }

    private static Predicate<Lead> closing(Instant from, Instant to) {
        return l -> {
            Instant close = l.details().expectedCloseDate();
            return (from == null || close != null && !close.isBefore(from))
                    && (to == null || close != null && close.isBefore(to));
        };
    }

    /** Every word of the search is the start of a word of the title, organization, contact name or email. */
    private static Predicate<Lead> matching(String search) {
        if (search == null || search.isBlank()) {
            return l -> true;
        }
        List<String> wanted =
                Arrays.asList(search.strip().toLowerCase(Locale.ROOT).split("\\s+"));
        return l -> {
            LeadDetails d = l.details();
            List<String> words = Stream.of(d.title(), d.organization(), d.contactName(), d.contactEmail())
                    .filter(Objects::nonNull)
                    .flatMap(text -> Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")))
                    .toList();
            return wanted.stream().allMatch(w -> words.stream().anyMatch(word -> word.startsWith(w)));
        };
    }

    @Override
    public synchronized void appendHistory(StatusChange change) {
        history.add(change);
    }

    @Override
    public synchronized List<StatusChange> history(LeadId leadId) {
        return history.stream()
                .filter(h -> h.leadId().equals(leadId))
                .sorted(Comparator.comparing(StatusChange::at)
                        .thenComparing(change -> change.id().value(), Keys.UUID_ORDER))
                .toList();
    }

    @Override
    public Optional<LeadActivity> findActivity(LeadId leadId, LeadActivityId activityId) {
        return Optional.ofNullable(activities.get(activityId))
                .filter(a -> a.leadId().equals(leadId));
    }

    @Override
    public Optional<LeadActivity> findActivityForUpdate(LeadId leadId, LeadActivityId activityId) {
        return findActivity(leadId, activityId);
    }

    @Override
    public void saveActivity(LeadActivity activity) {
        activities.put(activity.id(), activity);
    }

    @Override
    public void deleteActivity(LeadActivityId activityId) {
        activities.remove(activityId);
    }

    /** Due date first (undated last), then creation and id, as the JPA adapter orders them. */
    @Override
    public Page<LeadActivity> activities(LeadId leadId, Cursor after, int limit) {
        Comparator<LeadActivity> order = Comparator.comparing(
                        LeadActivity::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(LeadActivity::createdAt)
                .thenComparing(a -> a.id().value(), Keys.UUID_ORDER);
        List<LeadActivity> all = activities.values().stream()
                .filter(a -> a.leadId().equals(leadId))
                .sorted(order)
                .toList();
        int start = 0;
        if (after != null) {
            while (start < all.size() && !all.get(start).id().value().equals(after.id())) {
                start++;
            }
            start++;
        }
        List<LeadActivity> rows = all.subList(Math.min(start, all.size()), all.size());
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        LeadActivity last = rows.get(limit - 1);
        String key = (last.dueDate() == null ? "-" : last.dueDate().toString()) + "/" + last.createdAt();
        return new Page<>(rows.subList(0, limit), new Cursor(key, last.id().value()).encode());
    }

    @Override
    public Optional<LeadNote> findNote(LeadId leadId, LeadNoteId noteId) {
        return Optional.ofNullable(notes.get(noteId)).filter(n -> n.leadId().equals(leadId));
    }

    @Override
    public void saveNote(LeadNote note) {
        notes.put(note.id(), note);
    }

    @Override
    public void deleteNote(LeadNoteId noteId) {
        notes.remove(noteId);
    }

    @Override
    public Page<LeadNote> notes(LeadId leadId, Cursor after, int limit) {
        List<LeadNote> rows = notes.values().stream()
                .filter(n -> n.leadId().equals(leadId))
                .filter(n -> after == null || Keys.before(n.createdAt(), n.id().value(), after.createdAt(), after.id()))
                .sorted(Keys.newestFirst(LeadNote::createdAt, n -> n.id().value()))
                .limit(limit + 1L)
                .toList();
        return Page.ofRows(rows, limit, LeadNote::createdAt, n -> n.id().value());
    }
}
