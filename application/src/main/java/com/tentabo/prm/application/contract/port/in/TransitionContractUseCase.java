package com.tentabo.prm.application.contract.port.in;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;

import java.util.UUID;

/** Marks a contract LOST (churned) or CANCELLED, with a reason (ADMIN only). */
public interface TransitionContractUseCase {

    record TransitionContractCommand(Caller caller, UUID contractId, ContractStatus to, String reason, Long expectedVersion) { }

    Contract transition(TransitionContractCommand command);
}
