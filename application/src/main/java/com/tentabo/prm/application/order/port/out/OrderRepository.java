package com.tentabo.prm.application.order.port.out;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.shared.Filters;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Orders with their items. */
public interface OrderRepository {

    /**
     * List filters; null means "any". Newest first by default; {@code oldestFirst} for a work queue (the cursor then
     * points forward in time). {@code created}: the span the order's creation lies in.
     */
    record OrderQuery(
            Set<OrderStatus> statuses,
            PartnerId partnerId,
            DistributorId distributorId,
            LeadId leadId,
            boolean onlySent,
            Instant cursorCreatedAt,
            OrderId cursorId,
            int limit,
            boolean oldestFirst,
            Filters.Days created) {
        public OrderQuery {
            created = created == null ? Filters.Days.ANY : created;
        }

        public OrderQuery(
                Set<OrderStatus> statuses,
                PartnerId partnerId,
                DistributorId distributorId,
                LeadId leadId,
                boolean onlySent,
                Instant cursorCreatedAt,
                OrderId cursorId,
                int limit,
                boolean oldestFirst) {
            this(
                    statuses,
                    partnerId,
                    distributorId,
                    leadId,
                    onlySent,
                    cursorCreatedAt,
                    cursorId,
                    limit,
                    oldestFirst,
                    Filters.Days.ANY);
        }

        public OrderQuery(
                Set<OrderStatus> statuses,
                PartnerId partnerId,
                DistributorId distributorId,
                LeadId leadId,
                boolean onlySent,
                Instant cursorCreatedAt,
                OrderId cursorId,
                int limit) {
            this(statuses, partnerId, distributorId, leadId, onlySent, cursorCreatedAt, cursorId, limit, false);
        }
    }

    Optional<Order> findById(OrderId id);

    /** The next value of the order number sequence. */
    long nextNumber();

    /**
     * Inserts a new order with its items and the audit row that records its creation, together (one statement where
     * the adapter can): the busiest write of the API makes one round trip fewer than an order and a separate audit row.
     */
    void insert(Order order, AuditEntry created);

    /** Saves a changed order; refuses with CONCURRENT_MODIFICATION if it changed since it was read. */
    void update(Order order);

    /** Newest first (created_at, then id), restricted to the scope. */
    List<Order> list(OrderQuery query, TenantScope scope);

    boolean anyForProduct(ProductId productId);
}
