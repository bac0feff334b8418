package com.tentabo.prm.application.contract.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.contract.port.in.ExpireContractsUseCase;
import com.tentabo.prm.application.contract.port.in.TransitionContractUseCase;
import com.tentabo.prm.application.contract.port.out.ContractRepository;
import com.tentabo.prm.application.identity.service.AuthorLinks;
import com.tentabo.prm.application.note.port.out.NoteRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.NoteId;
import com.tentabo.prm.domain.note.Note;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** LOST and CANCELLED by an admin with a reason; EXPIRED by the daily job. */
@ApplicationScoped
@Transactional
public class ContractLifecycleService implements TransitionContractUseCase, ExpireContractsUseCase {

    private static final EnumSet<ContractStatus> BY_HAND = EnumSet.of(ContractStatus.LOST, ContractStatus.CANCELLED);
    private final ContractRepository contracts;
    private final NoteRepository notes;
    private final AuditRecorder audit;
    private final AuthorLinks authors;
    private final IdGenerator ids;
    private final Clock clock;

    public ContractLifecycleService(
            ContractRepository contracts,
            NoteRepository notes,
            AuditRecorder audit,
            AuthorLinks authors,
            IdGenerator ids,
            Clock clock) {
        this.contracts = contracts;
        this.notes = notes;
        this.audit = audit;
        this.authors = authors;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Contract transition(TransitionContractCommand command) {
        Contract contract = contracts
                .findById(command.contractId())
                .orElseThrow(
                        () -> DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND, "Contract", command.contractId()));
        AccessPolicy.requireInScope(
                command.caller(), contract.tenant(), ErrorCode.CONTRACT_NOT_FOUND, "Contract", contract.id());
        AccessPolicy.require(command.caller(), Capability.CONTRACTS_LIFECYCLE);
        if (!BY_HAND.contains(command.to())) {
            throw DomainException.invalid(
                    "to",
                    "must be lost or cancelled (expiry is automatic; upgrades, downgrades "
                            + "and renewals happen by activating a replacement order)");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw DomainException.invalid(
                    "reason",
                    "is required to mark a contract " + command.to().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!command.expectedVersion().matches(contract.version())) {
            throw new DomainException(ErrorCode.PRECONDITION_FAILED, "The contract changed since you read it");
        }
        Instant now = clock.instant();
        Contract moved = contract.transitionTo(command.to(), now);
        contracts.update(moved);
        notes.insert(new Note(
                new NoteId(ids.newId()),
                null,
                contract.id(),
                contract.status() + " → " + command.to() + ": "
                        + command.reason().strip(),
                true,
                false,
                authors.authorOf(command.caller()).value(),
                now,
                now));
        audit.record(
                command.caller(),
                AuditChange.changed(
                        "transition",
                        "contract",
                        contract.id().value(),
                        Map.of("status", contract.status().name()),
                        Map.of(
                                "status",
                                moved.status().name(),
                                "reason",
                                command.reason().strip())),
                now);
        return contracts.findById(contract.id()).orElseThrow();
    }

    @Override
    public int expireDue() {
        Instant now = clock.instant();
        List<ContractId> expired = contracts.expireDue(now);
        for (ContractId id : expired) {
            audit.recordByWorker(
                    "contract-expiry-job",
                    AuditChange.changed(
                            "expire", "contract", id.value(), Map.of("status", "ACTIVE"), Map.of("status", "EXPIRED")),
                    now);
        }
        return expired.size();
    }
}
