package com.tentabo.prm.application.contract.service;

import com.tentabo.prm.application.contract.port.in.QueryContractsUseCase;
import com.tentabo.prm.application.contract.port.out.ContractRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Filters;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class ContractQueryService implements QueryContractsUseCase {

    static final int MAX_EXPIRING_WITHIN_DAYS = 3660;
    private final ContractRepository contracts;
    private final Clock clock;

    public ContractQueryService(ContractRepository contracts, Clock clock) {
        this.contracts = contracts;
        this.clock = clock;
    }

    @Override
    public Optional<Contract> forOrder(Caller caller, OrderId orderId) {
        AccessPolicy.require(caller, Capability.CONTRACTS_READ);
        return contracts.findByOrderId(orderId).filter(c -> AccessPolicy.inScope(caller, c.tenant()));
    }

    @Override
    public Contract get(Caller caller, ContractId contractId) {
        AccessPolicy.require(caller, Capability.CONTRACTS_READ);
        Contract contract = contracts
                .findById(contractId)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND, "Contract", contractId));
        AccessPolicy.requireInScope(caller, contract.tenant(), ErrorCode.CONTRACT_NOT_FOUND, "Contract", contractId);
        return contract;
    }

    @Override
    public Page<Contract> list(Caller caller, ContractFilter filter) {
        AccessPolicy.require(caller, Capability.CONTRACTS_READ);
        int limit = Cursor.limit(filter.limit());
        Cursor cursor = Cursor.decode(filter.cursor());
        Integer days = filter.expiringWithinDays();
        if (days != null && (days < 0 || days > MAX_EXPIRING_WITHIN_DAYS)) {
            throw DomainException.invalid("expiring_within_days", "must be between 0 and " + MAX_EXPIRING_WITHIN_DAYS);
        }
        Filters.Days activated =
                Filters.days("activated_from", filter.activatedFrom(), "activated_to", filter.activatedTo());
        Filters.Days expires = Filters.days("expires_from", filter.expiresFrom(), "expires_to", filter.expiresTo());
        List<Contract> rows = contracts.list(
                new ContractRepository.ContractQuery(
                        filter.statuses(),
                        filter.partnerId(),
                        filter.distributorId(),
                        days == null ? null : clock.instant().plus(Duration.ofDays(days)),
                        cursor == null ? null : cursor.createdAt(),
                        cursor == null ? null : new ContractId(cursor.id()),
                        limit + 1,
                        activated,
                        expires),
                AccessPolicy.scopeOf(caller));
        List<Contract> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit
                ? Cursor.after(
                        page.get(page.size() - 1).createdAt(),
                        page.get(page.size() - 1).id().value())
                : null;
        return new Page<>(page, next);
    }
}
