package com.tentabo.prm.domain.pricing;

import java.util.List;

/**
 * A priced quote or order. {@code subtotal} = Σ line gross; {@code discountAmount} = Σ line discount;
 * {@code netAmount} = Σ line net = subtotal − discountAmount; {@code taxAmount} = Σ VAT per rate;
 * {@code totalAmount} = netAmount + taxAmount (never rounded on its own).
 */
public record PricedDocument(
        List<TaxedLine> lines,
        Money subtotal,
        Money discountAmount,
        Money netAmount,
        List<VatAmount> vat,
        Money taxAmount,
        Money totalAmount) {

    public PricedDocument {
        lines = List.copyOf(lines);
        vat = List.copyOf(vat);
    }
}
