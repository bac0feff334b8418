package com.tentabo.prm.application.order.port.in;

import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderStatus;
import java.time.LocalDate;
import java.util.Set;

/** Reads orders in the caller's scope. */
public interface QueryOrdersUseCase {

    /**
     * Newest first unless {@code oldestFirst} (a work queue: the order placed first comes first). {@code createdFrom}
     * and {@code createdTo}: the days (UTC, both inclusive, each optional) the order was created in.
     */
    record OrderFilter(
            Set<OrderStatus> statuses,
            PartnerId partnerId,
            DistributorId distributorId,
            LeadId leadId,
            String cursor,
            Integer limit,
            boolean oldestFirst,
            LocalDate createdFrom,
            LocalDate createdTo) {
        public OrderFilter(
                Set<OrderStatus> statuses,
                PartnerId partnerId,
                DistributorId distributorId,
                LeadId leadId,
                String cursor,
                Integer limit,
                boolean oldestFirst) {
            this(statuses, partnerId, distributorId, leadId, cursor, limit, oldestFirst, null, null);
        }

        public OrderFilter(
                Set<OrderStatus> statuses,
                PartnerId partnerId,
                DistributorId distributorId,
                LeadId leadId,
                String cursor,
                Integer limit) {
            this(statuses, partnerId, distributorId, leadId, cursor, limit, false);
        }
    }

    /** The order, or ORDER_NOT_FOUND when it does not exist or is outside the caller's scope. */
    Order get(Caller caller, OrderId orderId);

    Page<Order> list(Caller caller, OrderFilter filter);
}
