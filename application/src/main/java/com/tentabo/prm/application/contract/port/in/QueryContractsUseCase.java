package com.tentabo.prm.application.contract.port.in;

import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

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
            PartnerId partnerId,
            DistributorId distributorId,
            Integer expiringWithinDays,
            String cursor,
            Integer limit,
            LocalDate activatedFrom,
            LocalDate activatedTo,
            LocalDate expiresFrom,
            LocalDate expiresTo) {
        public ContractFilter(
                Set<ContractStatus> statuses,
                PartnerId partnerId,
                DistributorId distributorId,
                Integer expiringWithinDays,
                String cursor,
                Integer limit) {
            this(statuses, partnerId, distributorId, expiringWithinDays, cursor, limit, null, null, null, null);
        }
    }

    Contract get(Caller caller, ContractId contractId);

    /** The contract an order was activated into, when there is one and it is in the caller's scope. */
    Optional<Contract> forOrder(Caller caller, OrderId orderId);

    Page<Contract> list(Caller caller, ContractFilter filter);
}
