package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.id.AssignmentId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link DistributorRepository} in memory, with the partner assignments (one per distributor and partner). */
public class InMemoryDistributors extends InMemoryCompanies<DistributorId> implements DistributorRepository {

    private final Map<AssignmentId, Assignment> assignments = new ConcurrentHashMap<>();

    @Override
    public Optional<Assignment> findAssignment(DistributorId distributorId, PartnerId partnerId) {
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
    public void deleteAssignment(AssignmentId assignmentId) {
        assignments.remove(assignmentId);
    }

    @Override
    public List<Assignment> assignmentsOf(DistributorId distributorId, Boolean active) {
        return assignments.values().stream()
                .filter(a -> a.distributorId().equals(distributorId))
                .filter(a -> active == null || active == a.active())
                .sorted(Comparator.comparing(Assignment::assignedAt)
                        .thenComparing(a -> a.id().value(), Keys.UUID_ORDER))
                .toList();
    }

    @Override
    public List<Assignment> assignmentsOfPartner(PartnerId partnerId) {
        return assignments.values().stream()
                .filter(a -> a.partnerId().equals(partnerId))
                .sorted(Comparator.comparing(Assignment::assignedAt)
                        .thenComparing(a -> a.id().value(), Keys.UUID_ORDER))
                .toList();
    }

    @Override
    public List<DistributorId> activeDistributorsOf(PartnerId partnerId) {
        return assignments.values().stream()
                .filter(a -> a.partnerId().equals(partnerId) && a.active())
                .map(Assignment::distributorId)
                .toList();
    }
}
