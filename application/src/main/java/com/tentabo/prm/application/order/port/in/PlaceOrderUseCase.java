package com.tentabo.prm.application.order.port.in;

import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.order.Order;
import java.math.BigDecimal;
import java.util.List;

/** Creates orders from items priced by the catalog, and edits their items while CREATED. */
public interface PlaceOrderUseCase {

    /**
     * @param taxRate        optional VAT rate in percent; the configured default (20.00) otherwise
     * @param currency       optional; must be the catalog currency (prices are not converted)
     * @param idempotencyKey optional: a retried create with the same key returns the first order
     */
    record CreateOrderCommand(
            Caller caller,
            PartnerId partnerId,
            DistributorId distributorId,
            LeadId leadId,
            BigDecimal taxRate,
            String currency,
            List<QuoteUseCase.QuoteItem> items,
            String idempotencyKey) {}

    record UpdateItemsCommand(
            Caller caller,
            OrderId orderId,
            List<QuoteUseCase.QuoteItem> items,
            BigDecimal taxRate,
            ExpectedVersion expectedVersion) {

        /** {@code expectedVersion}: the version read ({@code If-Match}); null or any() skips the check. */
        public UpdateItemsCommand {
            expectedVersion = expectedVersion == null ? ExpectedVersion.any() : expectedVersion;
        }
    }

    /** Converts a WON lead into an order: the order keeps {@code lead_id} and the lead's partner and distributor. */
    record ConvertLeadCommand(
            Caller caller,
            LeadId leadId,
            BigDecimal taxRate,
            List<QuoteUseCase.QuoteItem> items,
            String idempotencyKey) {}

    /** The order, or for a retried Idempotency-Key the first one ({@code replayed}). */
    Created<Order> create(CreateOrderCommand command);

    Created<Order> convertLead(ConvertLeadCommand command);

    Order updateItems(UpdateItemsCommand command);
}
