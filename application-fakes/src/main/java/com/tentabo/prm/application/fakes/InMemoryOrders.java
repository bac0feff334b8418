package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderItem;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@link OrderRepository} in memory: the version check of {@code update} and the list's order as the JPA adapter's. */
public class InMemoryOrders implements OrderRepository {

    private final Map<OrderId, Order> rows = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong();
    private final InMemoryAudit audit;

    /** Orders whose creation rows go to their own audit log. */
    public InMemoryOrders() {
        this(new InMemoryAudit());
    }

    /** Orders whose creation rows go to {@code audit} (the adapter writes them in the order's statement). */
    public InMemoryOrders(InMemoryAudit audit) {
        this.audit = audit;
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public long nextNumber() {
        return numbers.incrementAndGet();
    }

    @Override
    public void insert(Order order, AuditEntry created) {
        if (rows.putIfAbsent(order.id(), order) != null) {
            throw new IllegalStateException("order " + order.id() + " exists");
        }
        audit.append(created);
    }

    @Override
    public synchronized void update(Order order) {
        Order stored = rows.get(order.id());
        if (stored == null) {
            throw DomainException.notFound(ErrorCode.ORDER_NOT_FOUND, "Order", order.id());
        }
        if (stored.version() != order.version()) {
            throw new DomainException(
                    ErrorCode.CONCURRENT_MODIFICATION,
                    "Order " + order.number() + " was changed by someone else meanwhile; read it again and retry");
        }
        rows.put(
                order.id(),
                Order.restore(
                        order.id(),
                        order.number(),
                        order.status(),
                        order.kind(),
                        order.replacesContractId(),
                        order.tenant(),
                        order.leadId(),
                        order.createdBy(),
                        order.currency(),
                        order.taxRate(),
                        order.items(),
                        order.totals(),
                        order.createdAt(),
                        order.updatedAt(),
                        order.sentAt(),
                        order.fulfilledAt(),
                        order.cancelledAt(),
                        order.version() + 1,
                        stored.providerRefs()));
    }

    @Override
    public List<Order> list(OrderQuery q, TenantScope scope) {
        return rows.values().stream()
                .filter(o -> Scopes.covers(scope, o.tenant()))
                .filter(o -> q.statuses() == null
                        || q.statuses().isEmpty()
                        || q.statuses().contains(o.status()))
                .filter(o ->
                        q.partnerId() == null || q.partnerId().equals(o.tenant().partnerId()))
                .filter(o -> q.distributorId() == null
                        || q.distributorId().equals(o.tenant().distributorId()))
                .filter(o -> q.leadId() == null || q.leadId().equals(o.leadId()))
                .filter(o -> !q.onlySent() || o.sentAt() != null)
                .filter(o -> q.created().contains(o.createdAt()))
                .filter(o -> q.cursorCreatedAt() == null
                        || q.cursorId() == null
                        || Keys.before(
                                o.createdAt(),
                                o.id().value(),
                                q.cursorCreatedAt(),
                                q.cursorId().value()))
                .sorted(Keys.newestFirst(Order::createdAt, o -> o.id().value()))
                .limit(q.limit())
                .toList();
    }

    @Override
    public boolean anyForProduct(ProductId productId) {
        return rows.values().stream()
                .flatMap(o -> o.items().stream())
                .map(OrderItem::productId)
                .anyMatch(productId::equals);
    }

    /** Every stored order (for assertions). */
    public List<Order> all() {
        return List.copyOf(rows.values());
    }
}
