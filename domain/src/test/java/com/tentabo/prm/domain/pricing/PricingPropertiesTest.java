package com.tentabo.prm.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instancio.Select.field;

import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.catalog.TierPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.instancio.Instancio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The properties of PRICING.md over generated inputs. Inputs come from Instancio with a fixed seed, so every run
 * checks the same 200 scenarios and a failure names the scenario that broke the property.
 */
class PricingPropertiesTest {

    static final long SEED = 20261124L;
    static final PricingEngine ENGINE = PricingEngine.of("EUR");

    /** A generated scenario: tier layout, prices decreasing with quantity, a quantity, a term and a discount. */
    record Scenario(
            int tierCount,
            int tierWidth,
            BigDecimal topPrice,
            boolean yearly,
            int quantity,
            int months,
            BigDecimal discount,
            BigDecimal vatRate) {

        PriceTierSet tiers() {
            List<PriceTier> tiers = new ArrayList<>();
            TierPeriod period = yearly ? TierPeriod.YEAR : TierPeriod.MONTH;
            for (int i = 0; i < tierCount; i++) {
                int min = i * tierWidth + 1;
                Integer max = i == tierCount - 1 ? null : (i + 1) * tierWidth;
                // each tier costs 10 % less than the previous one, never below 0.0001
                BigDecimal price = topPrice.multiply(BigDecimal.valueOf(10 - i))
                        .divide(BigDecimal.TEN, 4, RoundingMode.HALF_UP)
                        .max(new BigDecimal("0.0001"));
                tiers.add(new PriceTier(min, max, price, period));
            }
            return PriceTierSet.validated(tiers);
        }

        Percentage d() {
            return new Percentage(discount);
        }

        PricedLine price(PricingMode mode) {
            return ENGINE.priceLine(tiers(), mode, Quantity.of(quantity), months, d());
        }
    }

    static Stream<Scenario> scenarios() {
        return Instancio.of(Scenario.class)
                .withSeed(SEED)
                .generate(field(Scenario.class, "tierCount"), gen -> gen.ints().range(1, 5))
                .generate(field(Scenario.class, "tierWidth"), gen -> gen.ints().range(2, 40))
                .generate(
                        field(Scenario.class, "topPrice"),
                        gen -> gen.math()
                                .bigDecimal()
                                .range(new BigDecimal("0.0001"), new BigDecimal("5000"))
                                .scale(4))
                .generate(field(Scenario.class, "quantity"), gen -> gen.ints().range(1, 400))
                .generate(field(Scenario.class, "months"), gen -> gen.ints().range(1, 60))
                .generate(
                        field(Scenario.class, "discount"),
                        gen -> gen.math()
                                .bigDecimal()
                                .range(BigDecimal.ZERO, new BigDecimal("100"))
                                .scale(2))
                .generate(
                        field(Scenario.class, "vatRate"),
                        gen -> gen.math()
                                .bigDecimal()
                                .range(BigDecimal.ZERO, new BigDecimal("30"))
                                .scale(2))
                .stream()
                .limit(200);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void netNeverExceedsGross_discountIsNeverNegative_andEveryAmountHasScaleTwo(Scenario s) {
        for (PricingMode mode : PricingMode.values()) {
            PricedLine line = s.price(mode);
            assertThat(line.net()).isLessThanOrEqualTo(line.gross());
            assertThat(line.discount().isNegative()).isFalse();
            assertThat(line.gross().minus(line.discount())).isEqualTo(line.net());
            for (PricedBand band : line.bands()) {
                assertThat(band.gross().amount().scale()).isEqualTo(2);
                assertThat(band.net().amount().scale()).isEqualTo(2);
                assertThat(band.tierPrice().scale()).isEqualTo(4);
                assertThat(band.termUnitPrice().scale()).isEqualTo(6);
            }
            assertThat(line.bands().stream().mapToInt(PricedBand::units).sum()).isEqualTo(s.quantity());
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void noDiscountMeansNetEqualsGross_andAFullDiscountMeansNetIsZero(Scenario s) {
        for (PricingMode mode : PricingMode.values()) {
            PricedLine none = ENGINE.priceLine(s.tiers(), mode, Quantity.of(s.quantity()), s.months(), Percentage.ZERO);
            PricedLine full =
                    ENGINE.priceLine(s.tiers(), mode, Quantity.of(s.quantity()), s.months(), Percentage.of("100"));
            assertThat(none.net()).isEqualTo(none.gross());
            assertThat(full.net().amount()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(full.discount()).isEqualTo(full.gross());
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void graduatedIsNeverCheaperThanVolumeWhenPricesDecrease_andBothAgreeOnOneTier(Scenario s) {
        PricedLine volume = s.price(PricingMode.VOLUME);
        PricedLine graduated = s.price(PricingMode.GRADUATED);
        assertThat(graduated.gross()).isGreaterThanOrEqualTo(volume.gross());
        if (s.tierCount() == 1 || s.quantity() <= s.tierWidth()) {
            assertThat(graduated.gross()).isEqualTo(volume.gross());
            assertThat(graduated.net()).isEqualTo(volume.net());
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void graduatedAmountIsMonotonicInQuantity(Scenario s) {
        PricedLine at = s.price(PricingMode.GRADUATED);
        PricedLine more =
                ENGINE.priceLine(s.tiers(), PricingMode.GRADUATED, Quantity.of(s.quantity() + 1), s.months(), s.d());
        assertThat(more.gross()).isGreaterThanOrEqualTo(at.gross());
        assertThat(more.net()).isGreaterThanOrEqualTo(at.net());
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void monthlyPricesScaleLinearlyWithTheTerm_beforeTheOneRoundingToTheCent(Scenario s) {
        if (s.yearly()) {
            return; // a yearly price is divided by 12, which rounds at 6 decimals: linear only up to that rounding
        }
        BigDecimal m = BigDecimal.valueOf(s.months());
        for (PricingMode mode : PricingMode.values()) {
            PricedLine one = ENGINE.priceLine(s.tiers(), mode, Quantity.of(s.quantity()), 1, Percentage.ZERO);
            PricedLine many = ENGINE.priceLine(s.tiers(), mode, Quantity.of(s.quantity()), s.months(), Percentage.ZERO);
            BigDecimal expectedGross = BigDecimal.ZERO;
            for (int i = 0; i < one.bands().size(); i++) {
                PricedBand b1 = one.bands().get(i);
                PricedBand bm = many.bands().get(i);
                assertThat(bm.termUnitPrice())
                        .isEqualByComparingTo(b1.termUnitPrice().multiply(m));
                BigDecimal exact = b1.termUnitPrice().multiply(m).multiply(BigDecimal.valueOf(b1.units()));
                assertThat(bm.gross().amount()).isEqualTo(exact.setScale(2, RoundingMode.HALF_UP));
                expectedGross = expectedGross.add(exact.setScale(2, RoundingMode.HALF_UP));
            }
            assertThat(many.gross().amount()).isEqualByComparingTo(expectedGross);
            // M times the one-month amount, to within half a cent per band and month
            BigDecimal tolerance = new BigDecimal("0.005")
                    .multiply(m)
                    .multiply(BigDecimal.valueOf(one.bands().size()));
            assertThat(many.gross()
                            .amount()
                            .subtract(one.gross().amount().multiply(m))
                            .abs())
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void aDocumentsTotalsAreTheSumsOfItsLinesToTheCent(Scenario s) {
        List<PricedLine> lines = List.of(
                s.price(PricingMode.VOLUME),
                s.price(PricingMode.GRADUATED),
                ENGINE.priceLine(s.tiers(), PricingMode.VOLUME, Quantity.of(s.quantity() + 7), s.months(), s.d()));
        PricedDocument doc = ENGINE.priceDocument(lines, new Percentage(s.vatRate()));

        Money gross = Money.zero(ENGINE.currency());
        Money discount = Money.zero(ENGINE.currency());
        Money net = Money.zero(ENGINE.currency());
        for (PricedLine line : lines) {
            gross = gross.plus(line.gross());
            discount = discount.plus(line.discount());
            net = net.plus(line.net());
        }
        assertThat(doc.subtotal()).isEqualTo(gross);
        assertThat(doc.discountAmount()).isEqualTo(discount);
        assertThat(doc.netAmount()).isEqualTo(net);
        assertThat(doc.subtotal().minus(doc.discountAmount())).isEqualTo(doc.netAmount());
        assertThat(doc.taxAmount().amount())
                .isEqualTo(net.amount().multiply(s.vatRate()).movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
        assertThat(doc.totalAmount()).isEqualTo(doc.netAmount().plus(doc.taxAmount()));
        for (Money m :
                List.of(doc.subtotal(), doc.discountAmount(), doc.netAmount(), doc.taxAmount(), doc.totalAmount())) {
            assertThat(m.amount().scale()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void legacyTierRowsInAnyOrderPriceLikeTheSortedSet(Scenario s) {
        List<PriceTier> reversed = new ArrayList<>(s.tiers().tiers());
        java.util.Collections.reverse(reversed);
        PriceTierSet legacy = PriceTierSet.legacy(reversed);
        for (PricingMode mode : PricingMode.values()) {
            assertThat(ENGINE.priceLine(legacy, mode, Quantity.of(s.quantity()), s.months(), s.d()))
                    .isEqualTo(s.price(mode));
        }
    }
}
