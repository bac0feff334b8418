package com.tentabo.prm.domain.pricing;

import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Prices lines and documents exactly as docs/pricing.md says. Immutable and thread-safe; no framework.
 *
 * <pre>{@code
 * PricingEngine engine = PricingEngine.of("EUR");
 * PricedLine line = engine.priceLine(product, Quantity.of(60), duration);
 * PricedDocument doc = engine.priceDocument(List.of(line), Percentage.of("20.00"));
 * }</pre>
 *
 * <p>Per band: {@code u = round6(price × M / P)}; {@code gross = round2(units × u)};
 * {@code net = round2(units × u × (100 − d) / 100)}; {@code discount = gross − net}. With a partner programme discount
 * ({@link ProgrammeDiscount}: level discount p, registration bonus b) the net is
 * {@code round2(units × u × (100 − d)/100 × (100 − min(p + b, 100))/100)}, still from the unrounded product. Products are exact
 * ({@code BigDecimal.multiply}); the only divisions are by P (scale 6, HALF_UP), by 100 (exact) and by M for the
 * monthly recurring value (scale 2, HALF_UP).
 *
 * <p>A quantity that no tier covers (a gap in legacy tiers, a quantity below the first tier, an empty tier set) is
 * a 422 {@code NO_TIER_FOR_QUANTITY}; nothing else is thrown for rows the database accepts.
 */
public final class PricingEngine {

    private static final BigDecimal[] SMALL = new BigDecimal[13];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = BigDecimal.valueOf(i);
        }
    }

    private final Currency currency;

    public PricingEngine(Currency currency) {
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    /** An engine for an ISO 4217 currency code such as {@code EUR}. */
    public static PricingEngine of(String currencyCode) {
        return new PricingEngine(Money.currency(currencyCode));
    }

    public Currency currency() {
        return currency;
    }

    /** Prices {@code quantity} units of the product for the duration (its months and discount). Any product, active or not. */
    public PricedLine priceLine(Product product, Quantity quantity, Duration duration) {
        return priceLine(product, quantity, duration, ProgrammeDiscount.NONE);
    }

    /** Prices the line with a partner's programme discount applied after the duration discount. */
    public PricedLine priceLine(Product product, Quantity quantity, Duration duration, ProgrammeDiscount programme) {
        return priceLine(
                product.tiers(),
                product.pricingMode(),
                quantity,
                duration.months(),
                new Percentage(duration.discountPercentage()),
                programme);
    }

    /**
     * Prices one line.
     *
     * @param tiers    the product's tiers (validated or legacy)
     * @param mode     VOLUME or GRADUATED
     * @param quantity units per period
     * @param months   the term M, at least 1
     * @param discount the duration's discount d
     */
    public PricedLine priceLine(
            PriceTierSet tiers, PricingMode mode, Quantity quantity, int months, Percentage discount) {
        return priceLine(tiers, mode, quantity, months, discount, ProgrammeDiscount.NONE);
    }

    /**
     * Prices one line with a partner programme discount: {@code p + b} (capped at 100) applies on each band after
     * the duration discount {@code d}, from the unrounded product.
     *
     * @param programme the partner level discount p and registration bonus b ({@link ProgrammeDiscount#NONE}: none)
     */
    public PricedLine priceLine(
            PriceTierSet tiers,
            PricingMode mode,
            Quantity quantity,
            int months,
            Percentage discount,
            ProgrammeDiscount programme) {
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(tiers, "tiers");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(discount, "discount");
        if (months < 1) {
            throw DomainException.invalid("months", "must be at least 1");
        }
        int q = quantity.value();
        BigDecimal m = BigDecimal.valueOf(months);
        BigDecimal remaining = discount.complement();
        BigDecimal programmeRemaining =
                programme.isNone() ? null : programme.combined().complement();
        List<PricedBand> bands;
        if (mode == PricingMode.VOLUME) {
            PriceTier tier = volumeTier(tiers, q);
            bands = List.of(band(1, q, tier, m, remaining, programmeRemaining));
        } else {
            bands = graduatedBands(tiers, q, m, remaining, programmeRemaining);
        }
        BigDecimal gross;
        BigDecimal net;
        if (bands.size() == 1) {
            gross = bands.get(0).gross().amount();
            net = bands.get(0).net().amount();
        } else {
            gross = BigDecimal.ZERO;
            net = BigDecimal.ZERO;
            for (PricedBand b : bands) {
                gross = gross.add(b.gross().amount());
                net = net.add(b.net().amount());
            }
        }
        BigDecimal monthly = net.divide(m, 2, RoundingMode.HALF_UP);
        return new PricedLine(
                mode,
                quantity,
                months,
                discount,
                bands,
                new Money(gross, currency),
                new Money(gross.subtract(net), currency),
                new Money(net, currency),
                new Money(monthly, currency),
                programme);
    }

    /** Prices a document whose lines all carry the same VAT rate. */
    public PricedDocument priceDocument(List<PricedLine> lines, Percentage vatRate) {
        Objects.requireNonNull(vatRate, "vatRate");
        List<TaxedLine> taxed = new ArrayList<>(lines.size());
        for (PricedLine line : lines) {
            taxed.add(new TaxedLine(line, vatRate));
        }
        return priceTaxedDocument(taxed);
    }

    /** Prices a document whose lines may carry different VAT rates: VAT is computed once per rate on the summed nets. */
    public PricedDocument priceTaxedDocument(List<TaxedLine> lines) {
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        BigDecimal discountSum = BigDecimal.ZERO.setScale(2);
        BigDecimal netSum = BigDecimal.ZERO.setScale(2);
        Map<BigDecimal, BigDecimal> netByRate = new TreeMap<>();
        Map<BigDecimal, Percentage> rates = new TreeMap<>();
        for (TaxedLine taxed : lines) {
            PricedLine line = taxed.line();
            if (!line.gross().currency().equals(currency)) {
                throw new DomainException(
                        ErrorCode.BUSINESS_RULE_VIOLATED,
                        "A document is priced in one currency: " + currency + ", not "
                                + line.gross().currency());
            }
            subtotal = subtotal.add(line.gross().amount());
            discountSum = discountSum.add(line.discount().amount());
            netSum = netSum.add(line.net().amount());
            BigDecimal rate = taxed.vatRate().value();
            netByRate.merge(rate, line.net().amount(), BigDecimal::add);
            rates.putIfAbsent(rate, taxed.vatRate());
        }
        List<VatAmount> vat = new ArrayList<>(netByRate.size());
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<BigDecimal, BigDecimal> e : netByRate.entrySet()) {
            VatAmount amount = VatAmount.of(rates.get(e.getKey()), new Money(e.getValue(), currency));
            vat.add(amount);
            tax = tax.add(amount.amount().amount());
        }
        return new PricedDocument(
                lines,
                new Money(subtotal, currency),
                new Money(discountSum, currency),
                new Money(netSum, currency),
                vat,
                new Money(tax, currency),
                new Money(netSum.add(tax), currency));
    }

    private static PriceTier volumeTier(PriceTierSet tiers, int q) {
        for (PriceTier tier : tiers.tiers()) {
            if (tier.contains(q)) {
                return tier;
            }
        }
        throw noTier(q, tiers);
    }

    /**
     * One band per tier reached: units {@code max(min, 1, covered + 1)} to {@code min(q, max)}. For conforming
     * tiers this is {@code units = min(q, max) − max(min, 1) + 1}; for legacy overlapping tiers each unit is priced
     * by the first tier containing it, and a unit no tier contains is an error.
     */
    private List<PricedBand> graduatedBands(
            PriceTierSet tiers, int q, BigDecimal m, BigDecimal remaining, BigDecimal programmeRemaining) {
        List<PricedBand> bands = new ArrayList<>(Math.min(tiers.size(), 8));
        long covered = 0;
        for (PriceTier tier : tiers.tiers()) {
            if (covered >= q) {
                break;
            }
            long start = Math.max(Math.max(tier.minQuantity(), 1), covered + 1);
            long end = tier.maxQuantity() == null ? q : Math.min(q, tier.maxQuantity());
            if (start > end) {
                continue;
            }
            if (start > covered + 1) {
                throw noTier((int) (covered + 1), tiers);
            }
            bands.add(band((int) start, (int) end, tier, m, remaining, programmeRemaining));
            covered = end;
        }
        if (covered < q) {
            throw noTier((int) (covered + 1), tiers);
        }
        return bands;
    }

    /** @param programmeRemaining {@code 100 − min(p + b, 100)}, or null without a programme discount */
    private PricedBand band(
            int first, int last, PriceTier tier, BigDecimal m, BigDecimal remaining, BigDecimal programmeRemaining) {
        int units = last - first + 1;
        BigDecimal u = tier.price().multiply(m).divide(SMALL[tier.period().months()], 6, RoundingMode.HALF_UP);
        BigDecimal exact = u.multiply(BigDecimal.valueOf(units));
        BigDecimal gross = exact.setScale(2, RoundingMode.HALF_UP);
        BigDecimal afterDuration = exact.multiply(remaining).movePointLeft(2);
        BigDecimal net = (programmeRemaining == null
                        ? afterDuration
                        : afterDuration.multiply(programmeRemaining).movePointLeft(2))
                .setScale(2, RoundingMode.HALF_UP);
        return new PricedBand(
                first,
                last,
                units,
                tier.price(),
                tier.period(),
                u,
                new Money(gross, currency),
                new Money(gross.subtract(net), currency),
                new Money(net, currency));
    }

    private static DomainException noTier(int quantity, PriceTierSet tiers) {
        String detail = tiers.isEmpty()
                ? "The product has no price tiers: it cannot be priced"
                : "No price tier covers quantity " + quantity;
        return new DomainException(
                ErrorCode.NO_TIER_FOR_QUANTITY,
                detail,
                List.of(new com.tentabo.prm.domain.shared.FieldViolation("quantity", detail)));
    }
}
