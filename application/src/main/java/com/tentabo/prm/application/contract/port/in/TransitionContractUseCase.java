package com.tentabo.prm.application.contract.port.in;

import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.id.ContractId;

/** Marks a contract LOST (churned) or CANCELLED, with a reason (ADMIN only). */
public interface TransitionContractUseCase {

    record TransitionContractCommand(
            Caller caller, ContractId contractId, ContractStatus to, String reason, ExpectedVersion expectedVersion) {

        /** {@code expectedVersion}: the version read ({@code If-Match}); null or any() skips the check. */
        public TransitionContractCommand {
            expectedVersion = expectedVersion == null ? ExpectedVersion.any() : expectedVersion;
        }
    }

    Contract transition(TransitionContractCommand command);
}
