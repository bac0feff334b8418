package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.company.Distributor;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** {@link DistributorRepository} in memory, with the partner assignments (one per distributor and partner). */
public class InMemoryDistributors implements DistributorRepository {

    private final CompanyRows<Distributor> rows =
            new CompanyRows<>(Distributor::id, Distributor::profile, Distributor::active);
    private final Map<UUID, Assignment> assignments = new ConcurrentHashMap<>();

    /** Says which distributors have leads, orders, contracts or users (none by default). */
    public InMemoryDistributors businessRecords(Predicate<UUID> hasRecords) {
        rows.businessRecords(hasRecords);
        return this;
    }

    @Override
    public Optional<Distributor> findById(UUID id) {
        return rows.find(id);
    }

    @Override
    public Optional<Distributor> findByIdForUpdate(UUID id) {
        return rows.find(id);
    }

    @Override
    public boolean registrationNumberTaken(String registrationNumber, UUID exceptId) {
        return rows.registrationNumberTaken(registrationNumber, exceptId);
    }

    @Override
    public void save(Distributor distributor) {
        rows.save(distributor);
    }

    @Override
    public void delete(UUID id) {
        rows.delete(id);
    }

    @Override
    public boolean hasBusinessRecords(UUID id) {
        return rows.hasBusinessRecords(id);
    }

    @Override
    public Page<Distributor> list(CompanyQuery query, Set<UUID> onlyIds) {
        return rows.list(query, onlyIds);
    }

    @Override
    public Optional<Assignment> findAssignment(UUID distributorId, UUID partnerId) {
        return assignments.values().stream()
                .filter(a ->
                        a.distributorId().equals(distributorId) && a.partnerId().equals(partnerId))
                .findFirst();
    }

    @Override
    public synchronized void saveAssignment(Assignment assignment) {
        findAssignment(assignment.distributorId(), assignment.partnerId())
                .filter(other -> !other.id().equals(assignment.id()))
                .ifPresent(other -> {
                    throw new IllegalStateException("the partner is already assigned to the distributor");
                });
        assignments.put(assignment.id(), assignment);
    }

    @Override
    public void deleteAssignment(UUID assignmentId) {
        assignments.remove(assignmentId);
    }

    @Override
    public List<Assignment> assignmentsOf(UUID distributorId, Boolean active) {
        return assignments.values().stream()
                .filter(a -> a.distributorId().equals(distributorId))
                .filter(a -> active == null || active == a.active())
                .sorted(Comparator.comparing(Assignment::assignedAt).thenComparing(Assignment::id, Keys.UUID_ORDER))
                .toList();
    }

    @Override
    public List<Assignment> assignmentsOfPartner(UUID partnerId) {
        return assignments.values().stream()
                .filter(a -> a.partnerId().equals(partnerId))
                .sorted(Comparator.comparing(Assignment::assignedAt).thenComparing(Assignment::id, Keys.UUID_ORDER))
                .toList();
    }

    @Override
    public List<UUID> activeDistributorsOf(UUID partnerId) {
        return assignments.values().stream()
                .filter(a -> a.partnerId().equals(partnerId) && a.active())
                .map(Assignment::distributorId)
                .toList();
    }
}
