package com.tentabo.prm.adapters.persistence.order;

import com.tentabo.prm.adapters.persistence.audit.JpaAuditLogRepository;
import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.adapters.persistence.shared.StoredMoney;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Inserts a new order, all its items and the audit row of its creation with one SQL statement (the order and the
 * audit row in data-modifying {@code WITH}s, the items in one multi-row {@code INSERT}): one round trip to PostgreSQL
 * instead of one per table, and no entity bookkeeping. The band breakdown is written from the entity's own row ({@code JpaOrderRepository.bandRow}).
 * Placing an order is the hottest write of the API; the rows are exactly those the entities map.
 * The item rows' foreign key to the order is checked at the end of the statement, when the order row exists.
 */
final class OrderInsertSql {

    private static final String ORDER = "WITH new_order AS (INSERT INTO orders (id, order_number, status, created_by, "
            + "partner_id, distributor_id, lead_id, subtotal, discount_amount, tax_amount, total_amount, created_at, "
            + "updated_at, sent_at, fulfilled_at, cancelled_at, currency, tax_rate, kind, replaces_contract_id, version) "
            + "VALUES (?, ?, ?::orderstatus, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)), "
            + "audit AS (" + JpaAuditLogRepository.INSERT + ") ";
    private static final String ITEMS = "INSERT INTO order_items (id, order_id, product_id, duration_id, quantity, "
            + "unit_price, discount_percentage, subtotal, discount_amount, total, product_name, product_type, "
            + "product_unit, duration_months, price_bands, created_at, updated_at, partner_discount_percentage, "
            + "registration_bonus_percentage) VALUES ";
    private static final String ITEM_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)";

    private OrderInsertSql() {}

    static void insert(Connection connection, Order order, AuditEntry created) throws SQLException {
        if (order.items().isEmpty()) {
            throw new IllegalArgumentException("an order has at least one item");
        }
        try (PreparedStatement st =
                connection.prepareStatement(sql(order.items().size()))) {
            int p = 1;
            UUID orderId = order.id().value();
            st.setObject(p++, orderId);
            st.setString(p++, order.number());
            st.setString(p++, order.status().name());
            st.setObject(p++, order.createdBy().value());
            st.setObject(p++, EntityId.uuid(order.tenant().partnerId()));
            st.setObject(p++, EntityId.uuid(order.tenant().distributorId()));
            st.setObject(p++, EntityId.uuid(order.leadId()));
            st.setBigDecimal(p++, order.totals().subtotal().amount());
            st.setBigDecimal(p++, order.totals().discountAmount().amount());
            st.setBigDecimal(p++, order.totals().taxAmount().amount());
            st.setBigDecimal(p++, order.totals().totalAmount().amount());
            st.setObject(p++, timestamp(order.createdAt()));
            st.setObject(p++, timestamp(order.updatedAt()));
            st.setObject(p++, timestamp(order.sentAt()));
            st.setObject(p++, timestamp(order.fulfilledAt()));
            st.setObject(p++, timestamp(order.cancelledAt()));
            st.setString(p++, StoredMoney.code(order.currency()));
            st.setBigDecimal(p++, order.taxRate());
            st.setString(p++, order.kind().name());
            st.setObject(p++, EntityId.uuid(order.replacesContractId()));
            st.setLong(p++, order.version());
            p = JpaAuditLogRepository.bind(st, p, created);
            for (OrderItem item : order.items()) {
                st.setObject(p++, item.id().value());
                st.setObject(p++, orderId);
                st.setObject(p++, item.productId().value());
                st.setObject(p++, item.durationId().value());
                st.setInt(p++, item.quantity());
                st.setBigDecimal(p++, item.unitPrice());
                st.setBigDecimal(p++, item.discountPercentage());
                st.setBigDecimal(p++, item.subtotal().amount());
                st.setBigDecimal(p++, item.discountAmount().amount());
                st.setBigDecimal(p++, item.total().amount());
                st.setString(p++, item.productName());
                st.setString(p++, item.productType());
                st.setString(p++, item.productUnit());
                st.setInt(p++, item.durationMonths());
                st.setString(
                        p++,
                        JsonText.write(item.bands().stream()
                                .map(JpaOrderRepository::bandRow)
                                .toList()));
                st.setObject(p++, timestamp(order.updatedAt()));
                st.setObject(p++, timestamp(order.updatedAt()));
                st.setBigDecimal(p++, item.partnerDiscountPercentage());
                st.setBigDecimal(p++, item.registrationBonusPercentage());
            }
            st.executeUpdate();
        }
    }

    private static String sql(int items) {
        StringBuilder sql = new StringBuilder(ORDER).append(ITEMS);
        for (int i = 0; i < items; i++) {
            sql.append(i == 0 ? "" : ", ").append(ITEM_ROW);
        }
        return sql.toString();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
