package com.tentabo.prm.adapters.persistence.contract;

import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.contract.port.out.ContractInvoiceRepository;
import com.tentabo.prm.domain.id.ContractId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code contracts.billing_invoices}, read and written by SQL only: the contract's version and {@code updated_at}
 * stay as they are, so a sync never races a person's change of the contract.
 */
@ApplicationScoped
public class JpaContractInvoiceRepository implements ContractInvoiceRepository {

    private final EntityManager em;

    public JpaContractInvoiceRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Billed> billedThrough(String providerName) {
        return SqlRows.query(
                em,
                "SELECT c.id, c.contract_number, o.billing_quote_id FROM contracts c "
                        + "JOIN orders o ON o.id = c.order_id WHERE c.status IN ('ACTIVE', 'EXPIRED') "
                        + "AND lower(o.billing_provider) = lower(?) AND o.billing_quote_id IS NOT NULL "
                        + "AND o.billing_quote_id <> '' ORDER BY c.created_at, c.id",
                List.of(providerName),
                rs -> new Billed(new ContractId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3)));
    }

    @Override
    public Optional<List<Map<String, Object>>> lockInvoices(ContractId contractId) {
        return SqlRows.query(
                        em,
                        "SELECT CAST(billing_invoices AS text) FROM contracts WHERE id = ? FOR UPDATE",
                        List.of(contractId.value()),
                        rs -> ContractInvoicesJson.read(rs.getString(1)))
                .stream()
                .findFirst();
    }

    @Override
    public void replaceInvoices(ContractId contractId, List<Map<String, Object>> invoices) {
        em.createNativeQuery("UPDATE contracts SET billing_invoices = CAST(?2 AS jsonb) WHERE id = ?1")
                .setParameter(1, contractId.value())
                .setParameter(2, JsonText.write(invoices))
                .executeUpdate();
    }
}
