package com.tentabo.prm.adapters.rest.catalog;

import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.catalog.TierPeriod;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.pricing.PricedBand;
import com.tentabo.prm.domain.pricing.PricedDocument;
import com.tentabo.prm.domain.pricing.Quantity;
import com.tentabo.prm.domain.pricing.VatAmount;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/quotes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class QuoteResource {

    public record QuoteItemBody(
            UUID productId,

            @Schema(minimum = "1", maximum = "" + Quantity.MAX)
            Long quantity,

            UUID durationId) {}

    public record QuoteBody(
            @Schema(maxItems = QuoteUseCase.MAX_ITEMS) List<QuoteItemBody> items,

            @Schema(minimum = "0", maximum = "100", multipleOf = 0.01)
            BigDecimal taxRate,

            UUID partnerId) {}

    public record BandResponse(
            int firstUnit,
            int lastUnit,
            int units,
            BigDecimal unitPrice,
            TierPeriod period,
            BigDecimal termUnitPrice,
            BigDecimal gross,
            BigDecimal discount,
            BigDecimal net) {}

    public record ItemResponse(
            UUID productId,
            String productName,
            String productType,
            String productUnit,
            PricingMode pricingMode,
            UUID durationId,
            int durationMonths,
            BigDecimal discountPercentage,
            int quantity,
            BigDecimal unitPrice,
            TierPeriod period,
            List<BandResponse> bands,
            BigDecimal subtotal,
            BigDecimal discountAmount,
            BigDecimal total,
            BigDecimal monthlyRecurring,
            BigDecimal partnerDiscountPercentage,
            BigDecimal registrationBonusPercentage) {}

    public record TaxResponse(BigDecimal rate, BigDecimal base, BigDecimal amount) {}

    public record QuoteResponse(
            String currency,
            BigDecimal taxRate,
            List<ItemResponse> items,
            BigDecimal subtotal,
            BigDecimal discountAmount,
            BigDecimal netAmount,
            List<TaxResponse> taxes,
            BigDecimal taxAmount,
            BigDecimal totalAmount) {}

    private final QuoteUseCase quotes;
    private final CallerContext callers;

    public QuoteResource(QuoteUseCase quotes, CallerContext callers) {
        this.quotes = quotes;
        this.callers = callers;
    }

    @POST
    @Operation(
            operationId = "createQuote",
            description = "Who may call: Any authenticated caller (every role reads the catalog).",
            summary = "Price several lines with the current catalog; nothing is stored")
    public QuoteResponse quote(QuoteBody body) {
        var caller = callers.require();
        if (body == null) {
            throw DomainException.invalid("body", "is required: {\"items\": [...]}");
        }
        List<QuoteUseCase.QuoteItem> items = body.items() == null
                ? null
                : body.items().stream()
                        .map(i -> i == null
                                ? null
                                : new QuoteUseCase.QuoteItem(
                                        ProductId.ofNullable(i.productId()),
                                        i.quantity(),
                                        DurationId.ofNullable(i.durationId())))
                        .toList();
        QuoteUseCase.Quote quote = quotes.quote(
                caller, new QuoteUseCase.QuoteCommand(items, body.taxRate(), PartnerId.ofNullable(body.partnerId())));
        PricedDocument doc = quote.document();
        List<ItemResponse> lines =
                quote.items().stream().map(CatalogResponseMapper.INSTANCE::item).toList();
        return new QuoteResponse(
                doc.totalAmount().currency().getCurrencyCode(),
                quote.taxRate().value(),
                lines,
                doc.subtotal().amount(),
                doc.discountAmount().amount(),
                doc.netAmount().amount(),
                doc.vat().stream().map(QuoteResource::tax).toList(),
                doc.taxAmount().amount(),
                doc.totalAmount().amount());
    }

    static BandResponse band(PricedBand b) {
        return new BandResponse(
                b.firstUnit(),
                b.lastUnit(),
                b.units(),
                b.tierPrice(),
                b.period(),
                b.termUnitPrice(),
                b.gross().amount(),
                b.discount().amount(),
                b.net().amount());
    }

    private static TaxResponse tax(VatAmount v) {
        return new TaxResponse(v.rate().value(), v.base().amount(), v.amount().amount());
    }
}
