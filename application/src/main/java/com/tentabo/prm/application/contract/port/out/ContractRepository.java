package com.tentabo.prm.application.contract.port.out;

import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Contracts. */
public interface ContractRepository {

    /** List filters; null means "any". {@code expiringBefore}: ACTIVE contracts with no successor ending before it. */
    record ContractQuery(Set<ContractStatus> statuses, UUID partnerId, UUID distributorId, Instant expiringBefore,
                         Instant cursorCreatedAt, UUID cursorId, int limit) { }

    Optional<Contract> findById(UUID id);

    Optional<Contract> findByOrderId(UUID orderId);

    long nextNumber();

    void insert(Contract contract);

    /** Saves a changed contract; refuses with CONCURRENT_MODIFICATION if it changed since it was read. */
    void update(Contract contract);

    List<Contract> list(ContractQuery query, TenantScope scope);

    /**
     * Moves every ACTIVE contract whose expiration date is not after {@code now} to EXPIRED in one statement and
     * returns their ids. Safe when several instances run it at once: each contract is expired exactly once.
     */
    List<UUID> expireDue(Instant now);
}
