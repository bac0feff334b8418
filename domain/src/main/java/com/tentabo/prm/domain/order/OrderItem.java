package com.tentabo.prm.domain.order;

import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.OrderItemId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.pricing.Money;
import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.pricing.ProgrammeDiscount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * One priced line of an order (quantity, duration and amounts are validated when the line is priced; rows read
 * back from a legacy database are taken as they are), snapshotting what the catalog said when it was priced, so that later catalog
 * edits never change an existing order.
 *
 * @param unitPrice          the tier price per period of the (last) band, 4 decimals
 * @param discountPercentage the duration's discount, 2 decimals
 * @param subtotal           gross amount of the line for the whole term, in the order's currency
 * @param discountAmount     gross − net, in the order's currency
 * @param total              net amount of the line, in the order's currency
 * @param bands              the band breakdown (one billing line per band)
 * @param partnerDiscountPercentage     the partner programme level discount p applied after d, 2 decimals
 * @param registrationBonusPercentage   the registration bonus b applied with p, 2 decimals
 */
public record OrderItem(
        OrderItemId id,
        ProductId productId,
        DurationId durationId,
        int quantity,
        BigDecimal unitPrice,
        BigDecimal discountPercentage,
        Money subtotal,
        Money discountAmount,
        Money total,
        String productName,
        String productType,
        String productUnit,
        int durationMonths,
        List<Band> bands,
        BigDecimal partnerDiscountPercentage,
        BigDecimal registrationBonusPercentage) {

    /** A line priced without a partner programme discount (p = b = 0). */
    public OrderItem(
            OrderItemId id,
            ProductId productId,
            DurationId durationId,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal discountPercentage,
            Money subtotal,
            Money discountAmount,
            Money total,
            String productName,
            String productType,
            String productUnit,
            int durationMonths,
            List<Band> bands) {
        this(
                id,
                productId,
                durationId,
                quantity,
                unitPrice,
                discountPercentage,
                subtotal,
                discountAmount,
                total,
                productName,
                productType,
                productUnit,
                durationMonths,
                bands,
                BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    /**
     * The one relative discount of the line's billing lines: d, then min(p + b, 100) on what remains
     * ({@link ProgrammeDiscount#effectiveAfter}); d itself when there is no programme discount.
     */
    public BigDecimal effectiveDiscountPercentage() {
        return programme().effectiveAfter(discountPercentage);
    }

    /** The programme discount the line was priced with. */
    public ProgrammeDiscount programme() {
        return new ProgrammeDiscount(
                new Percentage(partnerDiscountPercentage), new Percentage(registrationBonusPercentage));
    }

    /** One band of a priced line: units at a tier price, with its term unit price and amounts. */
    public record Band(
            int units,
            BigDecimal tierPrice,
            String period,
            BigDecimal termUnitPrice,
            BigDecimal gross,
            BigDecimal net) {
        public Band {
            Objects.requireNonNull(tierPrice, "tierPrice");
            Objects.requireNonNull(termUnitPrice, "termUnitPrice");
            Objects.requireNonNull(gross, "gross");
            Objects.requireNonNull(net, "net");
        }
    }

    public OrderItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(durationId, "durationId");
        unitPrice = unitPrice.setScale(4, RoundingMode.UNNECESSARY);
        discountPercentage = discountPercentage.setScale(2, RoundingMode.UNNECESSARY);
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(discountAmount, "discountAmount");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(productType, "productType");
        Objects.requireNonNull(productUnit, "productUnit");
        bands = bands == null ? List.of() : List.copyOf(bands);
        partnerDiscountPercentage = (partnerDiscountPercentage == null ? BigDecimal.ZERO : partnerDiscountPercentage)
                .setScale(2, RoundingMode.UNNECESSARY);
        registrationBonusPercentage = (registrationBonusPercentage == null
                        ? BigDecimal.ZERO
                        : registrationBonusPercentage)
                .setScale(2, RoundingMode.UNNECESSARY);
    }
}
