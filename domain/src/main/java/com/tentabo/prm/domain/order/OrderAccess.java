package com.tentabo.prm.domain.order;

import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;

/**
 * Order-specific access rules on top of {@link AccessPolicy} (role table of docs/security.md):
 * <ul>
 *   <li>a FULFILLER sees only orders that were sent (SENT or later, including those cancelled after sending);</li>
 *   <li>send: ADMIN, RESTRICTED_ADMIN, PARTNER (own scope); start fulfilment and fulfil: ADMIN, FULFILLER;
 *       cancel: ADMIN, or a PARTNER on its own order while it is CREATED.</li>
 * </ul>
 */
public final class OrderAccess {

    private OrderAccess() {}

    /** Whether the caller may see this order at all (tenant scope plus the fulfiller rule); else it is "not found". */
    public static boolean canSee(Caller caller, Order order) {
        if (!AccessPolicy.can(caller, Capability.ORDERS_READ) || !AccessPolicy.inScope(caller, order.tenant())) {
            return false;
        }
        return caller.role() != Role.FULFILLER || order.sentAt() != null;
    }

    public static void requireVisible(Caller caller, Order order) {
        if (!canSee(caller, order)) {
            throw DomainException.notFound(ErrorCode.ORDER_NOT_FOUND, "Order", order.id());
        }
    }

    /** Refuses with 403 a transition the caller's role may not make (the order is already known to be visible). */
    public static void requireMayMove(Caller caller, Order order, OrderStatus to) {
        switch (to) {
            case SENT -> AccessPolicy.require(caller, Capability.ORDERS_WRITE);
            case IN_FULFILLMENT, FULFILLED -> AccessPolicy.require(caller, Capability.ORDERS_FULFIL);
            case CANCELLED -> {
                AccessPolicy.require(caller, Capability.ORDERS_CANCEL);
                if (caller.role() == Role.PARTNER && order.status() != OrderStatus.CREATED) {
                    throw new DomainException(
                            ErrorCode.FORBIDDEN,
                            "A partner can cancel its order only while it is CREATED; ask an administrator");
                }
            }
            case CREATED -> AccessPolicy.require(caller, Capability.ORDERS_WRITE);
        }
    }
}
