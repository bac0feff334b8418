package com.tentabo.prm.application.order.service;

import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.application.catalog.port.out.PricingCatalogDirectory;
import com.tentabo.prm.application.catalog.service.QuotePricer;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.OrderItemId;
import com.tentabo.prm.domain.order.OrderItem;
import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.pricing.PricedBand;
import com.tentabo.prm.domain.pricing.PricedLine;
import com.tentabo.prm.domain.pricing.ProgrammeDiscount;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;

/**
 * Prices order items exactly as a quote does (same validation, same engine: {@link QuotePricer}) and snapshots what
 * the catalog said: product name, type and unit, duration months and discount, the tier price of the last band, the
 * amounts and the band breakdown. Later catalog edits never change an existing order.
 */
@ApplicationScoped
public class OrderPricing {

    /** Items priced for an order, with the VAT rate that applies. */
    public record Priced(List<OrderItem> items, BigDecimal taxRate, QuoteUseCase.Quote quote) {
        /** The currency the items are priced in: the catalog's. */
        public java.util.Currency currency() {
            return quote.document().totalAmount().currency();
        }
    }

    private final QuotePricer pricer;
    private final PricingCatalogDirectory catalog;
    private final IdGenerator ids;

    public OrderPricing(QuotePricer pricer, PricingCatalogDirectory catalog, IdGenerator ids) {
        this.pricer = pricer;
        this.catalog = catalog;
        this.ids = ids;
    }

    /**
     * Only staff ({@link Capability#ORDERS_TAX_RATE}) choose an order's VAT rate; anyone else leaves it out and gets
     * the configured rate (or the order's current one): a rate sent by them is refused with 422, never ignored.
     */
    public static void requireMaySetTaxRate(Caller caller, BigDecimal requested) {
        if (requested != null && !AccessPolicy.can(caller, Capability.ORDERS_TAX_RATE)) {
            throw new DomainException(
                    ErrorCode.BUSINESS_RULE_VIOLATED,
                    "Only staff set an order's VAT rate; leave tax_rate out to get the configured rate",
                    List.of(new FieldViolation("tax_rate", "only staff set a tax rate")));
        }
    }

    /** Checks the items and the VAT rate without reading anything (422 listing every problem). */
    public Percentage validate(Caller caller, List<QuoteUseCase.QuoteItem> items, BigDecimal taxRate) {
        AccessPolicy.require(caller, Capability.QUOTE_PRICE);
        return pricer.validate(new QuoteUseCase.QuoteCommand(items, taxRate));
    }

    /** Validates, reads the catalog rows of the items, prices them. */
    public Priced price(Caller caller, List<QuoteUseCase.QuoteItem> items, BigDecimal taxRate) {
        return price(caller, items, taxRate, ProgrammeDiscount.NONE);
    }

    /** Validates, reads the catalog rows of the items, prices them with the partner programme discount. */
    public Priced price(
            Caller caller, List<QuoteUseCase.QuoteItem> items, BigDecimal taxRate, ProgrammeDiscount programme) {
        AccessPolicy.require(caller, Capability.QUOTE_PRICE);
        return snapshot(pricer.quote(new QuoteUseCase.QuoteCommand(items, taxRate), catalog, programme));
    }

    /** Prices items already {@link #validate validated}, from catalog rows the caller read. */
    public Priced price(List<QuoteUseCase.QuoteItem> items, Percentage taxRate, PricingCatalogDirectory.Rows rows) {
        return price(items, taxRate, rows, ProgrammeDiscount.NONE);
    }

    /** As {@link #price(List, Percentage, PricingCatalogDirectory.Rows)}, with the partner programme discount. */
    public Priced price(
            List<QuoteUseCase.QuoteItem> items,
            Percentage taxRate,
            PricingCatalogDirectory.Rows rows,
            ProgrammeDiscount programme) {
        return snapshot(pricer.price(items, rows, taxRate, programme));
    }

    private Priced snapshot(QuoteUseCase.Quote quote) {
        List<OrderItem> snapshot = quote.items().stream().map(this::snapshot).toList();
        return new Priced(snapshot, quote.taxRate().value(), quote);
    }

    private OrderItem snapshot(QuoteUseCase.QuotedItem quoted) {
        PricedLine line = quoted.line();
        List<OrderItem.Band> bands =
                line.bands().stream().map(OrderPricing::band).toList();
        return new OrderItem(
                new OrderItemId(ids.newId()),
                quoted.product().id(),
                quoted.duration().id(),
                line.quantity().value(),
                line.unitPrice(),
                line.discountRate().value(),
                line.gross(),
                line.discount(),
                line.net(),
                quoted.product().name(),
                quoted.product().type(),
                quoted.product().unit(),
                line.months(),
                bands,
                line.partnerDiscount().value(),
                line.registrationBonus().value());
    }

    private static OrderItem.Band band(PricedBand b) {
        return new OrderItem.Band(
                b.units(),
                b.tierPrice(),
                b.period().name().toLowerCase(java.util.Locale.ROOT),
                b.termUnitPrice(),
                b.gross().amount(),
                b.net().amount());
    }
}
