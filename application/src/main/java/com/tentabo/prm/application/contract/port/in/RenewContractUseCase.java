package com.tentabo.prm.application.contract.port.in;

import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderKind;
import java.math.BigDecimal;
import java.util.List;

/**
 * Creates the order that replaces a contract: a renewal (prefilled with the contract's items, priced at today's
 * catalog) or an upgrade/downgrade (with the new items). Activating that order links the new contract.
 */
public interface RenewContractUseCase {

    /** @param items null for a renewal means "the same items as the contract's order" */
    record RenewContractCommand(
            Caller caller,
            ContractId contractId,
            OrderKind kind,
            List<QuoteUseCase.QuoteItem> items,
            BigDecimal taxRate,
            IdempotencyKey idempotencyKey) {}

    /** The replacement order; with an Idempotency-Key, a retry of the same request answers the first one. */
    Created<Order> renew(RenewContractCommand command);
}
