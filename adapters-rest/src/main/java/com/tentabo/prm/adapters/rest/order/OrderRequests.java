package com.tentabo.prm.adapters.rest.order;

import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.pricing.Quantity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the order endpoints. Totals are never accepted from the client: they are derived. */
public final class OrderRequests {

    private OrderRequests() {}

    @Schema(name = "OrderItemRequest")
    public record Item(
            UUID productId,
            UUID durationId,

            @Schema(minimum = "1", maximum = "" + Quantity.MAX)
            Long quantity) {
        QuoteUseCase.QuoteItem toQuoteItem() {
            return new QuoteUseCase.QuoteItem(
                    ProductId.ofNullable(productId), quantity, DurationId.ofNullable(durationId));
        }
    }

    public record CreateOrder(
            UUID partnerId,
            UUID distributorId,
            UUID leadId,

            @Schema(minimum = "0", maximum = "100", multipleOf = 0.01)
            BigDecimal taxRate,

            @Size(min = 3, max = 3) String currency,
            @Size(max = 100) List<@Valid Item> items) {}

    public record UpdateOrder(
            @Size(max = 100) List<@Valid Item> items,

            @Schema(minimum = "0", maximum = "100", multipleOf = 0.01)
            BigDecimal taxRate) {}

    public record ConvertLead(
            @Size(max = 100) List<@Valid Item> items,

            @Schema(minimum = "0", maximum = "100", multipleOf = 0.01)
            BigDecimal taxRate) {}

    public record Renewal(
            String kind,
            @Size(max = 100) List<@Valid Item> items,

            @Schema(minimum = "0", maximum = "100", multipleOf = 0.01)
            BigDecimal taxRate) {}

    public static List<QuoteUseCase.QuoteItem> items(List<Item> items) {
        return items == null
                ? null
                : items.stream().map(i -> i == null ? null : i.toQuoteItem()).toList();
    }
}
