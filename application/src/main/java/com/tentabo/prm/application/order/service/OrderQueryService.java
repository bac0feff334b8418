package com.tentabo.prm.application.order.service;

import com.tentabo.prm.application.order.port.in.QueryOrdersUseCase;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Filters;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderAccess;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
@Transactional
public class OrderQueryService implements QueryOrdersUseCase {

    private final OrderRepository orders;

    public OrderQueryService(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public Order get(Caller caller, OrderId orderId) {
        AccessPolicy.require(caller, Capability.ORDERS_READ);
        Order order = orders.findById(orderId)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.ORDER_NOT_FOUND, "Order", orderId));
        OrderAccess.requireVisible(caller, order);
        return order;
    }

    @Override
    public Page<Order> list(Caller caller, OrderFilter filter) {
        AccessPolicy.require(caller, Capability.ORDERS_READ);
        int limit = Cursor.limit(filter.limit());
        Cursor cursor = Cursor.decode(filter.cursor());
        Filters.Days created = Filters.days("created_from", filter.createdFrom(), "created_to", filter.createdTo());
        List<Order> rows = orders.list(
                new OrderRepository.OrderQuery(
                        filter.statuses(),
                        filter.partnerId(),
                        filter.distributorId(),
                        filter.leadId(),
                        caller.role() == Role.FULFILLER,
                        cursor == null ? null : cursor.createdAt(),
                        cursor == null ? null : new OrderId(cursor.id()),
                        limit + 1,
                        filter.oldestFirst(),
                        created),
                AccessPolicy.scopeOf(caller));
        List<Order> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit
                ? Cursor.after(
                        page.get(page.size() - 1).createdAt(),
                        page.get(page.size() - 1).id().value())
                : null;
        return new Page<>(page, next);
    }
}
