package com.tentabo.prm.application.order.port.in;

import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderStatus;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** Reads orders in the caller's scope. */
public interface QueryOrdersUseCase {

    /**
     * Newest first unless {@code oldestFirst} (a work queue: the order placed first comes first). {@code createdFrom}
     * and {@code createdTo}: the days (UTC, both inclusive, each optional) the order was created in.
     */
    record OrderFilter(
            Set<OrderStatus> statuses,
            UUID partnerId,
            UUID distributorId,
            UUID leadId,
            String cursor,
            Integer limit,
            boolean oldestFirst,
            LocalDate createdFrom,
            LocalDate createdTo) {
        public OrderFilter(
                Set<OrderStatus> statuses,
                UUID partnerId,
                UUID distributorId,
                UUID leadId,
                String cursor,
                Integer limit,
                boolean oldestFirst) {
            this(statuses, partnerId, distributorId, leadId, cursor, limit, oldestFirst, null, null);
        }

        public OrderFilter(
                Set<OrderStatus> statuses,
                UUID partnerId,
                UUID distributorId,
                UUID leadId,
                String cursor,
                Integer limit) {
            this(statuses, partnerId, distributorId, leadId, cursor, limit, false);
        }
    }

    /** The order, or ORDER_NOT_FOUND when it does not exist or is outside the caller's scope. */
    Order get(Caller caller, UUID orderId);

    Page<Order> list(Caller caller, OrderFilter filter);
}
