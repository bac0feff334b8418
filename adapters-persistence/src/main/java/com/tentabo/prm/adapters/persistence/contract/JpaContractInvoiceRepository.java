package com.tentabo.prm.adapters.persistence.contract;

import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.application.contract.port.out.ContractInvoiceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
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
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT c.id, c.contract_number, o.billing_quote_id FROM contracts c JOIN orders o ON o.id = c.order_id "
                            + "WHERE c.status IN ('ACTIVE', 'EXPIRED') AND lower(o.billing_provider) = lower(?) "
                            + "AND o.billing_quote_id IS NOT NULL AND o.billing_quote_id <> '' "
                            + "ORDER BY c.created_at, c.id")) {
                ps.setString(1, providerName);
                List<Billed> billed = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        billed.add(new Billed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
                    }
                }
                return billed;
            }
        });
    }

    @Override
    public Optional<List<Map<String, Object>>> lockInvoices(UUID contractId) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT CAST(billing_invoices AS text) FROM contracts WHERE id = ? FOR UPDATE")) {
                ps.setObject(1, contractId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(ContractInvoicesJson.read(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void replaceInvoices(UUID contractId, List<Map<String, Object>> invoices) {
        em.createNativeQuery("UPDATE contracts SET billing_invoices = CAST(?2 AS jsonb) WHERE id = ?1")
                .setParameter(1, contractId).setParameter(2, JsonText.write(invoices)).executeUpdate();
    }
}
