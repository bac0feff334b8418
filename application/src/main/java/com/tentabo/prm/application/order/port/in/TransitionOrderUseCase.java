package com.tentabo.prm.application.order.port.in;

import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderStatus;

/** Moves an order along its lifecycle (send, start fulfilment, fulfil, cancel). */
public interface TransitionOrderUseCase {

    /**
     * @param expectedVersion the version the client read ({@code If-Match}); null or any() to skip the check
     * @param reason          optional; becomes an order note
     */
    record TransitionOrderCommand(
            Caller caller, OrderId orderId, OrderStatus to, String reason, ExpectedVersion expectedVersion) {

        public TransitionOrderCommand {
            expectedVersion = expectedVersion == null ? ExpectedVersion.any() : expectedVersion;
        }
    }

    Order transition(TransitionOrderCommand command);
}
