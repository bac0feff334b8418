package com.tentabo.prm.adapters.persistence.provider;

import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.provider.port.out.BillingCustomerRepository;
import com.tentabo.prm.domain.id.CompanyId;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.DistributorId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code billing_customers} and {@code contracts.billing_customer_id}, by SQL: the contract's version and
 * {@code updated_at} stay as they are (the customer id is the billing provider's fact, not a change of the contract).
 * A contract's company is its partner, else its distributor — the company its order's quote was addressed to.
 */
@ApplicationScoped
public class JdbcBillingCustomerRepository implements BillingCustomerRepository {

    private static final String STAMP = "UPDATE contracts c SET billing_customer_id = b.customer_id "
            + "FROM billing_customers b WHERE b.provider_name = lower(c.billing_provider) "
            + "AND b.company_id = COALESCE(c.partner_id, c.distributor_id) "
            + "AND (c.billing_customer_id IS NULL OR c.billing_customer_id = '') ";

    private final EntityManager em;

    public JdbcBillingCustomerRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<String> find(String providerName, CompanyId companyId) {
        return SqlRows.query(
                        em,
                        "SELECT customer_id FROM billing_customers WHERE provider_name = ? AND company_id = ?",
                        List.of(key(providerName), companyId.value()),
                        rs -> rs.getString(1))
                .stream()
                .findFirst();
    }

    @Override
    public boolean remember(String providerName, CompanyId companyId, String customerId, Instant at) {
        boolean inserted = !SqlRows.query(
                        em,
                        "INSERT INTO billing_customers (provider_name, company_id, company_kind, "
                                + "customer_id, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (provider_name, company_id) "
                                + "DO NOTHING RETURNING customer_id",
                        List.of(
                                key(providerName),
                                companyId.value(),
                                companyId instanceof DistributorId ? "distributor" : "partner",
                                customerId,
                                Timestamp.from(at)),
                        rs -> rs.getString(1))
                .isEmpty();
        em.createNativeQuery(STAMP + "AND b.provider_name = ?1 AND b.company_id = ?2")
                .setParameter(1, key(providerName))
                .setParameter(2, companyId.value())
                .executeUpdate();
        return inserted;
    }

    @Override
    public void stampContract(ContractId contractId) {
        em.flush();
        em.createNativeQuery(STAMP + "AND c.id = ?1")
                .setParameter(1, contractId.value())
                .executeUpdate();
    }

    private static String key(String providerName) {
        return providerName.strip().toLowerCase(Locale.ROOT);
    }
}
