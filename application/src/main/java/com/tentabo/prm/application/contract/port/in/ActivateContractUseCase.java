package com.tentabo.prm.application.contract.port.in;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.id.OrderId;
import java.time.Instant;

/** Turns a FULFILLED order into its one ACTIVE contract. */
public interface ActivateContractUseCase {

    /** @param activationDate optional; defaults to now (for a renewal: the old contract's expiration date) */
    record ActivateContractCommand(Caller caller, OrderId orderId, Instant activationDate) {}

    Contract activate(ActivateContractCommand command);
}
