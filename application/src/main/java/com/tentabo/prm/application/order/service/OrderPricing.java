package com.tentabo.prm.application.order.service;

import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.order.OrderItem;
import com.tentabo.prm.domain.pricing.PricedBand;
import com.tentabo.prm.domain.pricing.PricedLine;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;

/**
 * Prices order items exactly as a quote does (same validation, same engine) and snapshots what the catalog said:
 * product name, type and unit, duration months and discount, the tier price of the last band, the amounts and the
 * band breakdown. Later catalog edits never change an existing order.
 */
@ApplicationScoped
public class OrderPricing {

    /** Items priced for an order, with the VAT rate that applies. */
    public record Priced(List<OrderItem> items, BigDecimal taxRate, QuoteUseCase.Quote quote) { }

    private final QuoteUseCase quotes;
    private final IdGenerator ids;

    public OrderPricing(QuoteUseCase quotes, IdGenerator ids) {
        this.quotes = quotes;
        this.ids = ids;
    }

    public Priced price(Caller caller, List<QuoteUseCase.QuoteItem> items, BigDecimal taxRate) {
        QuoteUseCase.Quote quote = quotes.quote(caller, new QuoteUseCase.QuoteCommand(items, taxRate));
        List<OrderItem> snapshot = quote.items().stream().map(this::snapshot).toList();
        return new Priced(snapshot, quote.taxRate().value(), quote);
    }

    private OrderItem snapshot(QuoteUseCase.QuotedItem quoted) {
        PricedLine line = quoted.line();
        List<OrderItem.Band> bands = line.bands().stream().map(OrderPricing::band).toList();
        return new OrderItem(ids.newId(), quoted.product().id(), quoted.duration().id(), line.quantity().value(),
                line.unitPrice(), line.discountRate().value(), line.gross().amount(), line.discount().amount(),
                line.net().amount(), quoted.product().name(), quoted.product().type(), quoted.product().unit(),
                line.months(), bands);
    }

    private static OrderItem.Band band(PricedBand b) {
        return new OrderItem.Band(b.units(), b.tierPrice(), b.period().name().toLowerCase(), b.termUnitPrice(),
                b.gross().amount(), b.net().amount());
    }
}
