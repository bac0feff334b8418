package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.contract.port.out.ContractRepository;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@link ContractRepository} in memory, with the version check and the expiry sweep of the JPA adapter. */
public class InMemoryContracts implements ContractRepository {

    private final Map<ContractId, Contract> rows = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong();

    @Override
    public Optional<Contract> findById(ContractId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Contract> findByOrderId(OrderId orderId) {
        return rows.values().stream().filter(c -> orderId.equals(c.orderId())).findFirst();
    }

    @Override
    public long nextNumber() {
        return numbers.incrementAndGet();
    }

    @Override
    public void insert(Contract contract) {
        if (rows.putIfAbsent(contract.id(), contract) != null) {
            throw new IllegalStateException("contract " + contract.id() + " exists");
        }
    }

    @Override
    public synchronized void update(Contract contract) {
        Contract stored = rows.get(contract.id());
        if (stored == null) {
            throw DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND, "Contract", contract.id());
        }
        if (stored.version() != contract.version()) {
            throw new DomainException(
                    ErrorCode.CONCURRENT_MODIFICATION,
                    "Contract " + contract.number()
                            + " was changed by someone else meanwhile; read it again and retry");
        }
        rows.put(contract.id(), copy(contract, contract.status(), contract.updatedAt(), contract.version() + 1));
    }

    @Override
    public List<Contract> list(ContractQuery q, TenantScope scope) {
        return rows.values().stream()
                .filter(c -> Scopes.covers(scope, c.tenant()))
                .filter(c -> q.statuses() == null
                        || q.statuses().isEmpty()
                        || q.statuses().contains(c.status()))
                .filter(c ->
                        q.partnerId() == null || q.partnerId().equals(c.tenant().partnerId()))
                .filter(c -> q.distributorId() == null
                        || q.distributorId().equals(c.tenant().distributorId()))
                .filter(c -> q.expiringBefore() == null
                        || c.status() == ContractStatus.ACTIVE
                                && !c.expirationDate().isAfter(q.expiringBefore())
                                && rows.values().stream().noneMatch(s -> c.id().equals(s.renewedFromId())))
                .filter(c -> q.activated().contains(c.activationDate()))
                .filter(c -> q.expires().contains(c.expirationDate()))
                .filter(c -> q.cursorCreatedAt() == null
                        || q.cursorId() == null
                        || Keys.before(
                                c.createdAt(),
                                c.id().value(),
                                q.cursorCreatedAt(),
                                q.cursorId().value()))
                .sorted(Keys.newestFirst(Contract::createdAt, c -> c.id().value()))
                .limit(q.limit())
                .toList();
    }

    @Override
    public synchronized List<ContractId> expireDue(Instant now) {
        List<ContractId> expired = new ArrayList<>();
        for (Contract c : List.copyOf(rows.values())) {
            if (c.status() == ContractStatus.ACTIVE && !c.expirationDate().isAfter(now)) {
                rows.put(c.id(), copy(c, ContractStatus.EXPIRED, now, c.version() + 1));
                expired.add(c.id());
            }
        }
        return expired;
    }

    private static Contract copy(Contract c, ContractStatus status, Instant updatedAt, long version) {
        return Contract.restore(
                c.id(),
                c.number(),
                c.orderId(),
                status,
                c.billingProvider(),
                c.userId(),
                c.tenant(),
                c.activationDate(),
                c.expirationDate(),
                c.renewedFromId(),
                c.totalValue(),
                c.createdAt(),
                updatedAt,
                c.cancelledAt(),
                version,
                c.billingInvoices(),
                c.terms());
    }
}
