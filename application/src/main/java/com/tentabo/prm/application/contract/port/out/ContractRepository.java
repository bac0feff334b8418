package com.tentabo.prm.application.contract.port.out;

import com.tentabo.prm.application.shared.Filters;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Contracts. */
public interface ContractRepository {

    /**
     * List filters; null means "any". {@code expiringBefore}: ACTIVE contracts with no successor ending before it;
     * {@code activated} and {@code expires}: the spans the activation and expiration dates lie in.
     */
    record ContractQuery(
            Set<ContractStatus> statuses,
            PartnerId partnerId,
            DistributorId distributorId,
            Instant expiringBefore,
            Instant cursorCreatedAt,
            ContractId cursorId,
            int limit,
            Filters.Days activated,
            Filters.Days expires) {
        public ContractQuery {
            activated = activated == null ? Filters.Days.ANY : activated;
            expires = expires == null ? Filters.Days.ANY : expires;
        }

        public ContractQuery(
                Set<ContractStatus> statuses,
                PartnerId partnerId,
                DistributorId distributorId,
                Instant expiringBefore,
                Instant cursorCreatedAt,
                ContractId cursorId,
                int limit) {
            this(
                    statuses,
                    partnerId,
                    distributorId,
                    expiringBefore,
                    cursorCreatedAt,
                    cursorId,
                    limit,
                    Filters.Days.ANY,
                    Filters.Days.ANY);
        }
    }

    Optional<Contract> findById(ContractId id);

    Optional<Contract> findByOrderId(OrderId orderId);

    long nextNumber();

    void insert(Contract contract);

    /** Saves a changed contract; refuses with CONCURRENT_MODIFICATION if it changed since it was read. */
    void update(Contract contract);

    List<Contract> list(ContractQuery query, TenantScope scope);

    /**
     * Moves every ACTIVE contract whose expiration date is not after {@code now} to EXPIRED in one statement and
     * returns their ids. Safe when several instances run it at once: each contract is expired exactly once.
     */
    List<ContractId> expireDue(Instant now);
}
