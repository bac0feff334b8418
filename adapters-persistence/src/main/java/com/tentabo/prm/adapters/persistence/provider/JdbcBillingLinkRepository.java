package com.tentabo.prm.adapters.persistence.provider;

import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.provider.BillingCompany;
import com.tentabo.prm.application.provider.port.out.BillingLinkRepository;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.BillingInvoiceLinkId;
import com.tentabo.prm.domain.id.CompanyId;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code billing_customers}, {@code orders.billing_quote_id} and {@code billing_invoice_links}, by SQL. Lists of ids
 * travel as one JSON array parameter ({@code jsonb_array_elements_text}), so a page of a hundred records is one query.
 */
@ApplicationScoped
public class JdbcBillingLinkRepository implements BillingLinkRepository {

    private static final String TEXTS = "(SELECT jsonb_array_elements_text(CAST(? AS jsonb)))";
    private static final String LINK_COLUMNS = "SELECT id, provider_name, invoice_id, contract_id, decided_by_user_id, "
            + "decided_by_admin_id, decided_at FROM billing_invoice_links ";

    private final EntityManager em;

    public JdbcBillingLinkRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<String> customerIdsOf(String providerName, Collection<? extends CompanyId> companyIds) {
        if (companyIds.isEmpty()) {
            return List.of();
        }
        return SqlRows.query(
                em,
                "SELECT customer_id FROM billing_customers WHERE provider_name = ? AND company_id IN "
                        + "(SELECT CAST(jsonb_array_elements_text(CAST(? AS jsonb)) AS uuid)) ORDER BY customer_id",
                List.of(
                        key(providerName),
                        JsonText.write(companyIds.stream()
                                .map(id -> id.value().toString())
                                .toList())),
                rs -> rs.getString(1));
    }

    @Override
    public Map<String, BillingCompany> companiesOf(String providerName, Collection<String> customerIds) {
        Map<String, BillingCompany> companies = new LinkedHashMap<>();
        if (customerIds.isEmpty()) {
            return companies;
        }
        SqlRows.query(
                em,
                "SELECT b.customer_id, b.company_id, b.company_kind, COALESCE(p.name, d.name) "
                        + "FROM billing_customers b LEFT JOIN partners p ON b.company_kind = 'partner' AND p.id = b.company_id "
                        + "LEFT JOIN distributors d ON b.company_kind = 'distributor' AND d.id = b.company_id "
                        + "WHERE b.provider_name = ? AND b.customer_id IN " + TEXTS + " ORDER BY b.created_at",
                List.of(key(providerName), JsonText.write(List.copyOf(customerIds))),
                rs -> {
                    companies.putIfAbsent(
                            rs.getString(1),
                            new BillingCompany(company(rs.getObject(2, UUID.class), rs.getString(3)), rs.getString(4)));
                    return null;
                });
        return companies;
    }

    @Override
    public Map<String, QuoteLink> quoteLinks(String providerName, Collection<String> quoteIds) {
        Map<String, QuoteLink> links = new LinkedHashMap<>();
        if (quoteIds.isEmpty()) {
            return links;
        }
        // the newest contract of the order (a renewal makes a contract of another order)
        SqlRows.query(
                em,
                "SELECT o.billing_quote_id, o.id, o.order_number, c.id, c.contract_number FROM orders o "
                        + "LEFT JOIN LATERAL (SELECT id, contract_number FROM contracts WHERE order_id = o.id "
                        + "ORDER BY created_at DESC, id DESC LIMIT 1) c ON true "
                        + "WHERE o.billing_quote_id IN " + TEXTS + " AND lower(o.billing_provider) = ? "
                        + "ORDER BY o.created_at",
                List.of(JsonText.write(List.copyOf(quoteIds)), key(providerName)),
                rs -> {
                    links.putIfAbsent(
                            rs.getString(1),
                            new QuoteLink(
                                    new OrderId(rs.getObject(2, UUID.class)),
                                    rs.getString(3),
                                    ContractId.ofNullable(rs.getObject(4, UUID.class)),
                                    rs.getString(5)));
                    return null;
                });
        return links;
    }

    @Override
    public Map<String, InvoiceLink> invoiceLinks(String providerName, Collection<String> invoiceIds) {
        Map<String, InvoiceLink> links = new LinkedHashMap<>();
        if (invoiceIds.isEmpty()) {
            return links;
        }
        SqlRows.query(
                        em,
                        LINK_COLUMNS + "WHERE provider_name = ? AND invoice_id IN " + TEXTS,
                        List.of(key(providerName), JsonText.write(List.copyOf(invoiceIds))),
                        JdbcBillingLinkRepository::link)
                .forEach(link -> links.put(link.invoiceId(), link));
        return links;
    }

    @Override
    public List<InvoiceLink> attachedTo(String providerName, ContractId contractId) {
        return SqlRows.query(
                em,
                LINK_COLUMNS + "WHERE provider_name = ? AND contract_id = ? ORDER BY decided_at",
                List.of(key(providerName), contractId.value()),
                JdbcBillingLinkRepository::link);
    }

    @Override
    public Optional<InvoiceLink> lock(String providerName, String invoiceId) {
        SqlRows.lockForTransaction(em, "billing_invoice_links:" + key(providerName) + "/" + invoiceId);
        return SqlRows.query(
                        em,
                        LINK_COLUMNS + "WHERE provider_name = ? AND invoice_id = ? FOR UPDATE",
                        List.of(key(providerName), invoiceId),
                        JdbcBillingLinkRepository::link)
                .stream()
                .findFirst();
    }

    @Override
    public void save(InvoiceLink link) {
        List<Object> params = new ArrayList<>();
        params.add(link.id().value());
        params.add(key(link.providerName()));
        params.add(link.invoiceId());
        params.add(text(link.contractId()));
        params.add(text(link.decidedByUserId()));
        params.add(text(link.decidedByAdminId()));
        params.add(Timestamp.from(link.decidedAt()));
        SqlRows.query(
                em,
                "INSERT INTO billing_invoice_links (id, provider_name, invoice_id, contract_id, "
                        + "decided_by_user_id, decided_by_admin_id, decided_at) VALUES (?, ?, ?, CAST(? AS uuid), "
                        + "CAST(? AS uuid), CAST(? AS uuid), ?) ON CONFLICT (provider_name, invoice_id) DO UPDATE SET "
                        + "contract_id = EXCLUDED.contract_id, decided_by_user_id = EXCLUDED.decided_by_user_id, "
                        + "decided_by_admin_id = EXCLUDED.decided_by_admin_id, decided_at = EXCLUDED.decided_at RETURNING id",
                params,
                rs -> rs.getObject(1, UUID.class));
    }

    private static String text(EntityId id) {
        return id == null ? null : id.value().toString();
    }

    @Override
    public void delete(String providerName, String invoiceId) {
        em.createNativeQuery("DELETE FROM billing_invoice_links WHERE provider_name = ?1 AND invoice_id = ?2")
                .setParameter(1, key(providerName))
                .setParameter(2, invoiceId)
                .executeUpdate();
    }

    @Override
    public List<ContractId> contractsHolding(String providerName, String invoiceId) {
        return SqlRows.query(
                em,
                "SELECT id FROM contracts WHERE jsonb_typeof(billing_invoices) = 'array' "
                        + "AND billing_invoices @> CAST(? AS jsonb) ORDER BY created_at, id",
                List.of(JsonText.write(List.of(Map.of("id", invoiceId)))),
                rs -> new ContractId(rs.getObject(1, UUID.class)));
    }

    private static InvoiceLink link(ResultSet rs) throws SQLException {
        return new InvoiceLink(
                new BillingInvoiceLinkId(rs.getObject(1, UUID.class)),
                rs.getString(2),
                rs.getString(3),
                ContractId.ofNullable(rs.getObject(4, UUID.class)),
                UserId.ofNullable(rs.getObject(5, UUID.class)),
                AdminUserId.ofNullable(rs.getObject(6, UUID.class)),
                SqlRows.instant(rs, 7));
    }

    /** A {@code billing_customers} row's company, its kind told by {@code company_kind}. */
    private static CompanyId company(UUID id, String kind) {
        return "distributor".equals(kind) ? new DistributorId(id) : new PartnerId(id);
    }

    private static String key(String providerName) {
        return providerName.strip().toLowerCase(Locale.ROOT);
    }
}
