package com.tentabo.prm.adapters.persistence.contract;

import com.tentabo.prm.adapters.persistence.shared.DayClauses;
import com.tentabo.prm.adapters.persistence.shared.ScopeClauses;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.adapters.persistence.shared.StoredMoney;
import com.tentabo.prm.application.contract.port.out.ContractRepository;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.contract.BillingInvoices;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractTerms;
import com.tentabo.prm.domain.id.CompanyId;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.pricing.Money;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

@ApplicationScoped
public class JpaContractRepository implements ContractRepository {

    private final EntityManager em;
    /** Whether the database is one adopted after Alembic 89e3af466eb3; it does not change while the service runs. */
    private volatile Boolean legacyCustomerRequired;

    public JpaContractRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Contract> findById(ContractId id) {
        return Optional.ofNullable(em.find(ContractEntity.class, id.value())).map(this::withInvoices);
    }

    @Override
    public Optional<Contract> findByOrderId(OrderId orderId) {
        return em.createQuery("select c from ContractEntity c where c.orderId = :orderId", ContractEntity.class)
                .setParameter("orderId", orderId.value())
                .getResultStream()
                .findFirst()
                .map(this::withInvoices);
    }

    @Override
    public long nextNumber() {
        return ((Number) em.createNativeQuery("SELECT nextval('contract_number_seq')")
                        .getSingleResult())
                .longValue();
    }

    @Override
    public void insert(Contract contract) {
        ContractEntity e = new ContractEntity();
        e.id = contract.id().value();
        e.contractNumber = contract.number();
        e.orderId = EntityId.uuid(contract.orderId());
        e.billingProvider = contract.billingProvider();
        e.userId = contract.userId().value();
        e.activationDate = contract.activationDate();
        e.expirationDate = contract.expirationDate();
        e.renewedFromId = EntityId.uuid(contract.renewedFromId());
        e.totalValue = contract.totalValue().amount();
        e.currency = contract.currencyCode();
        e.createdAt = contract.createdAt();
        e.contractType = contract.terms().type();
        copy(contract, e);
        requireOneContractPerOrder(contract);
        requireLegacyCustomer(contract);
        em.persist(e);
    }

    @Override
    public void update(Contract contract) {
        ContractEntity e = em.find(ContractEntity.class, contract.id().value());
        if (e == null) {
            throw DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND, "Contract", contract.id());
        }
        if (e.version != contract.version()) {
            throw new DomainException(
                    ErrorCode.CONCURRENT_MODIFICATION,
                    "Contract " + contract.number()
                            + " was changed by someone else meanwhile; read it again and retry");
        }
        copy(contract, e);
        em.flush();
    }

    /**
     * One contract per order, also where {@code contracts.order_id} is no longer unique (a database adopted after
     * Alembic b04fa3516d42): concurrent activations of one order wait for each other, and the later one finds the
     * first one's contract.
     */
    private void requireOneContractPerOrder(Contract contract) {
        if (contract.orderId() == null) {
            return;
        }
        SqlRows.lockForTransaction(em, "contracts:order/" + contract.orderId());
        findByOrderId(contract.orderId()).ifPresent(existing -> {
            throw new DomainException(
                    ErrorCode.CONTRACT_ALREADY_ACTIVATED, "This order is already contract " + existing.number());
        });
    }

    /**
     * In a database adopted after Alembic 89e3af466eb3 every contract names its Pennylane mirror customer
     * ({@code contracts.customer_id}, NOT NULL), which the database derives (V12, {@code legacy_contract_customer}).
     * When it finds none, the contract is refused here, before the insert would fail.
     */
    private void requireLegacyCustomer(Contract contract) {
        if (!legacyCustomerRequired()) {
            return;
        }
        List<String> found = SqlRows.query(
                em,
                "SELECT CAST(legacy_contract_customer(CAST(? AS uuid), CAST(? AS uuid), CAST(? AS uuid)) AS text)",
                Arrays.asList(
                        text(EntityId.uuid(contract.tenant().partnerId())),
                        text(EntityId.uuid(contract.tenant().distributorId())),
                        text(EntityId.uuid(contract.renewedFromId()))),
                rs -> rs.getString(1));
        if (found.get(0) == null) {
            CompanyId company = contract.tenant().partnerId() != null
                    ? contract.tenant().partnerId()
                    : contract.tenant().distributorId();
            throw new DomainException(
                    ErrorCode.BUSINESS_RULE_VIOLATED,
                    "This database keeps the replaced system's rule "
                            + "that every contract names its Pennylane customer, and none of pennylane_customers is "
                            + (company == null
                                    ? "known for a contract without partner or distributor"
                                    : "company " + company + " (external_reference prm-company-" + company
                                            + ", or its registration number)")
                            + "; add the customer to the Pennylane mirror, then activate again");
        }
    }

    private boolean legacyCustomerRequired() {
        Boolean known = legacyCustomerRequired;
        if (known == null) {
            known = SqlRows.query(
                            em,
                            "SELECT to_regprocedure('legacy_contract_customer(uuid,uuid,uuid)') IS NOT NULL",
                            List.of(),
                            rs -> rs.getBoolean(1))
                    .get(0);
            legacyCustomerRequired = known;
        }
        return known;
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static void copy(Contract contract, ContractEntity e) {
        e.status = contract.status();
        e.partnerId = EntityId.uuid(contract.tenant().partnerId());
        e.distributorId = EntityId.uuid(contract.tenant().distributorId());
        e.updatedAt = contract.updatedAt();
        e.cancelledAt = contract.cancelledAt();
    }

    @Override
    public List<Contract> list(ContractQuery query, TenantScope scope) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder jpql = new StringBuilder("select c from ContractEntity c where 1 = 1");
        jpql.append(ScopeClauses.of(scope, "c", params));
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            jpql.append(" and c.status in :statuses");
            params.put("statuses", query.statuses());
        }
        if (query.partnerId() != null) {
            jpql.append(" and c.partnerId = :partnerId");
            params.put("partnerId", query.partnerId().value());
        }
        if (query.distributorId() != null) {
            jpql.append(" and c.distributorId = :distributorId");
            params.put("distributorId", query.distributorId().value());
        }
        if (query.expiringBefore() != null) {
            jpql.append(" and c.status = com.tentabo.prm.domain.contract.ContractStatus.ACTIVE"
                    + " and c.expirationDate <= :expiringBefore"
                    + " and not exists (select s.id from ContractEntity s where s.renewedFromId = c.id)");
            params.put("expiringBefore", query.expiringBefore());
        }
        jpql.append(DayClauses.of(query.activated(), "c.activationDate", "activated", params));
        jpql.append(DayClauses.of(query.expires(), "c.expirationDate", "expires", params));
        if (query.cursorCreatedAt() != null && query.cursorId() != null) {
            jpql.append(" and (c.createdAt < :cursorAt or (c.createdAt = :cursorAt and c.id < :cursorId))");
            params.put("cursorAt", query.cursorCreatedAt());
            params.put("cursorId", query.cursorId().value());
        }
        jpql.append(" order by c.createdAt desc, c.id desc");
        TypedQuery<ContractEntity> q =
                em.createQuery(jpql.toString(), ContractEntity.class).setMaxResults(query.limit());
        params.forEach(q::setParameter);
        List<ContractEntity> rows = q.getResultList();
        Map<UUID, BillingInvoices> invoices =
                invoices(rows.stream().map(e -> e.id).toList());
        return rows.stream().map(e -> restore(e, invoices.get(e.id))).toList();
    }

    @Override
    public List<ContractId> expireDue(Instant now) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE contracts SET status = 'EXPIRED', updated_at = ?, version = version + 1 "
                            + "WHERE status = 'ACTIVE' AND expiration_date <= ? RETURNING id")) {
                Timestamp at = Timestamp.from(now);
                ps.setTimestamp(1, at);
                ps.setTimestamp(2, at);
                List<ContractId> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(new ContractId(rs.getObject(1, UUID.class)));
                    }
                }
                return ids;
            }
        });
    }

    private Contract withInvoices(ContractEntity e) {
        return restore(e, invoices(List.of(e.id)).get(e.id));
    }

    /** The stored invoices of the contracts, read as text (see {@link ContractInvoicesJson}); one query. */
    private Map<UUID, BillingInvoices> invoices(Collection<UUID> ids) {
        Map<UUID, BillingInvoices> invoices = new HashMap<>();
        if (ids.isEmpty()) {
            return invoices;
        }
        SqlRows.query(
                em,
                "SELECT id, CAST(billing_invoices AS text) FROM contracts WHERE id = ANY(CAST(? AS uuid[]))",
                List.of((Object) ids.stream().map(UUID::toString).toArray(String[]::new)),
                rs -> invoices.put(
                        rs.getObject(1, UUID.class), new BillingInvoices(ContractInvoicesJson.read(rs.getString(2)))));
        return invoices;
    }

    static Contract restore(ContractEntity e, BillingInvoices invoices) {
        return Contract.restore(
                new ContractId(e.id),
                e.contractNumber,
                OrderId.ofNullable(e.orderId),
                e.status,
                e.billingProvider,
                new UserId(e.userId),
                new TenantRef(PartnerId.ofNullable(e.partnerId), DistributorId.ofNullable(e.distributorId)),
                e.activationDate,
                e.expirationDate,
                ContractId.ofNullable(e.renewedFromId),
                Money.of(e.totalValue, StoredMoney.currency(e.currency)),
                e.createdAt,
                e.updatedAt,
                e.cancelledAt,
                e.version,
                invoices,
                new ContractTerms(e.contractType, e.periodicityMonths, e.valuePerPeriod));
    }
}
