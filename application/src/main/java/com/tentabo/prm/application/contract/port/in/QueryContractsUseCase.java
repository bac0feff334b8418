package com.tentabo.prm.application.contract.port.in;

import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads contracts in the caller's scope. */
public interface QueryContractsUseCase {

    /**
     * @param expiringWithinDays ACTIVE contracts without a successor whose term ends within that many days
     * @param activatedFrom      with {@code activatedTo}: the days (UTC, both inclusive, each optional) the contract
     *                           started in
     * @param expiresFrom        with {@code expiresTo}: the days (UTC, both inclusive, each optional) its term ends in
     */
    record ContractFilter(
            Set<ContractStatus> statuses,
            UUID partnerId,
            UUID distributorId,
            Integer expiringWithinDays,
            String cursor,
            Integer limit,
            LocalDate activatedFrom,
            LocalDate activatedTo,
            LocalDate expiresFrom,
            LocalDate expiresTo) {
        public ContractFilter(
                Set<ContractStatus> statuses,
                UUID partnerId,
                UUID distributorId,
                Integer expiringWithinDays,
                String cursor,
                Integer limit) {
            this(statuses, partnerId, distributorId, expiringWithinDays, cursor, limit, null, null, null, null);
        }
    }

    Contract get(Caller caller, UUID contractId);

    /** The contract an order was activated into, when there is one and it is in the caller's scope. */
    Optional<Contract> forOrder(Caller caller, UUID orderId);

    Page<Contract> list(Caller caller, ContractFilter filter);
}
