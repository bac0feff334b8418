package com.tentabo.prm.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.catalog.TierPeriod;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every worked example of PRICING.md, with its exact figures (EUR, VAT 20 %). */
class PricingWorkedExamplesTest {

    static final PricingEngine ENGINE = PricingEngine.of("EUR");
    static final Percentage VAT = Percentage.of("20.00");

    /** Tiers A, monthly: 1–10 at 20.0000; 11–50 at 15.0000; 51–∞ at 12.5000. */
    static final PriceTierSet TIERS_A = PriceTierSet.validated(List.of(
            PriceTier.of(1, 10, "20.0000", TierPeriod.MONTH),
            PriceTier.of(11, 50, "15.0000", TierPeriod.MONTH),
            PriceTier.of(51, null, "12.5000", TierPeriod.MONTH)));

    /** Tiers B, yearly: 1–5 at 99.9900; 6–∞ at 89.9900. */
    static final PriceTierSet TIERS_B = PriceTierSet.validated(
            List.of(PriceTier.of(1, 5, "99.9900", TierPeriod.YEAR), PriceTier.of(6, null, "89.9900", TierPeriod.YEAR)));

    static String amount(Money money) {
        return money.amount().toPlainString();
    }

    @Test
    void example1_volume60UnitsFor12MonthsAt10Percent_pricesEveryUnitAtTheThirdTier() {
        PricedLine line = ENGINE.priceLine(TIERS_A, PricingMode.VOLUME, Quantity.of(60), 12, Percentage.of("10"));
        PricedDocument doc = ENGINE.priceDocument(List.of(line), VAT);

        assertThat(line.bands()).hasSize(1);
        assertThat(line.bands().get(0).termUnitPrice()).isEqualByComparingTo("150.000000");
        assertThat(line.bands().get(0).termUnitPrice().scale()).isEqualTo(6);
        assertThat(amount(line.gross())).isEqualTo("9000.00");
        assertThat(amount(line.net())).isEqualTo("8100.00");
        assertThat(amount(line.discount())).isEqualTo("900.00");
        assertThat(amount(doc.subtotal())).isEqualTo("9000.00");
        assertThat(amount(doc.discountAmount())).isEqualTo("900.00");
        assertThat(amount(doc.taxAmount())).isEqualTo("1620.00");
        assertThat(amount(doc.totalAmount())).isEqualTo("9720.00");
        assertThat(line.unitPrice()).isEqualByComparingTo("12.5000");
        assertThat(amount(line.monthlyRecurring())).isEqualTo("675.00");
    }

    @Test
    void example2_graduated60UnitsFor12MonthsAt10Percent_sumsEachBand() {
        PricedLine line = ENGINE.priceLine(TIERS_A, PricingMode.GRADUATED, Quantity.of(60), 12, Percentage.of("10"));
        PricedDocument doc = ENGINE.priceDocument(List.of(line), VAT);

        assertThat(line.bands()).extracting(PricedBand::units).containsExactly(10, 40, 10);
        assertThat(line.bands())
                .extracting(b -> b.termUnitPrice().toPlainString())
                .containsExactly("240.000000", "180.000000", "150.000000");
        assertThat(line.bands()).extracting(b -> amount(b.gross())).containsExactly("2400.00", "7200.00", "1500.00");
        assertThat(line.bands()).extracting(b -> amount(b.net())).containsExactly("2160.00", "6480.00", "1350.00");
        assertThat(line.bands()).extracting(PricedBand::firstUnit).containsExactly(1, 11, 51);
        assertThat(line.bands()).extracting(PricedBand::lastUnit).containsExactly(10, 50, 60);
        assertThat(amount(line.gross())).isEqualTo("11100.00");
        assertThat(amount(line.net())).isEqualTo("9990.00");
        assertThat(amount(line.discount())).isEqualTo("1110.00");
        assertThat(amount(doc.taxAmount())).isEqualTo("1998.00");
        assertThat(amount(doc.totalAmount())).isEqualTo("11988.00");
    }

    @ParameterizedTest(name = "q={0}: volume {1}, graduated {2}")
    @CsvSource({
        "10, 200.00, 200.00",
        "11, 165.00, 215.00",
        "50, 750.00, 800.00",
        "51, 637.50, 812.50",
        "100, 1250.00, 1425.00"
    })
    void example3_boundariesForOneMonthWithoutDiscount_priceBothModesExactly(int q, String volume, String graduated) {
        PricedLine v = ENGINE.priceLine(TIERS_A, PricingMode.VOLUME, Quantity.of(q), 1, Percentage.ZERO);
        PricedLine g = ENGINE.priceLine(TIERS_A, PricingMode.GRADUATED, Quantity.of(q), 1, Percentage.ZERO);

        assertThat(amount(v.net())).isEqualTo(volume);
        assertThat(amount(v.gross())).isEqualTo(volume);
        assertThat(amount(g.net())).isEqualTo(graduated);
        assertThat(amount(g.gross())).isEqualTo(graduated);
    }

    @Test
    void example4_volumeYearlyPriceFor7MonthsAt5Percent_roundsTheNetFromTheUnroundedProduct() {
        PricedLine line = ENGINE.priceLine(TIERS_B, PricingMode.VOLUME, Quantity.of(8), 7, Percentage.of("5"));
        PricedDocument doc = ENGINE.priceDocument(List.of(line), VAT);

        assertThat(line.bands().get(0).termUnitPrice().toPlainString()).isEqualTo("52.494167");
        assertThat(amount(line.gross())).isEqualTo("419.95");
        assertThat(amount(line.net())).isEqualTo("398.96");
        assertThat(amount(line.discount())).isEqualTo("20.99");
        assertThat(amount(doc.taxAmount())).isEqualTo("79.79");
        assertThat(amount(doc.totalAmount())).isEqualTo("478.75");
    }

    @Test
    void example5_graduatedYearlyPriceFor7MonthsAt5Percent_roundsEachBandOnce() {
        PricedLine line = ENGINE.priceLine(TIERS_B, PricingMode.GRADUATED, Quantity.of(8), 7, Percentage.of("5"));
        PricedDocument doc = ENGINE.priceDocument(List.of(line), VAT);

        assertThat(line.bands())
                .extracting(b -> b.termUnitPrice().toPlainString())
                .containsExactly("58.327500", "52.494167");
        assertThat(line.bands()).extracting(b -> amount(b.gross())).containsExactly("291.64", "157.48");
        assertThat(line.bands()).extracting(b -> amount(b.net())).containsExactly("277.06", "149.61");
        assertThat(amount(line.net())).isEqualTo("426.67");
        assertThat(amount(doc.taxAmount())).isEqualTo("85.33");
        assertThat(amount(doc.totalAmount())).isEqualTo("512.00");
    }

    @ParameterizedTest(name = "M={0} -> {1}")
    @CsvSource({"1, 8.33", "12, 100.00", "24, 200.00"})
    void example6_oneUnitAtAYearlyPrice_isProratedByMonths(int months, String expected) {
        PriceTierSet tiers = PriceTierSet.validated(List.of(PriceTier.of(1, null, "100.0000", TierPeriod.YEAR)));
        for (PricingMode mode : PricingMode.values()) {
            PricedLine line = ENGINE.priceLine(tiers, mode, Quantity.of(1), months, Percentage.ZERO);
            assertThat(amount(line.net())).isEqualTo(expected);
            assertThat(amount(line.gross())).isEqualTo(expected);
        }
    }

    @Test
    void example7_threeUnitsMonthlyFor18MonthsAt15Percent() {
        PriceTierSet tiers = PriceTierSet.validated(List.of(PriceTier.of(1, null, "19.9900", TierPeriod.MONTH)));
        PricedLine line = ENGINE.priceLine(tiers, PricingMode.VOLUME, Quantity.of(3), 18, Percentage.of("15"));

        assertThat(line.bands().get(0).termUnitPrice().toPlainString()).isEqualTo("359.820000");
        assertThat(amount(line.gross())).isEqualTo("1079.46");
        assertThat(amount(line.net())).isEqualTo("917.54");
        assertThat(amount(line.discount())).isEqualTo("161.92");
    }

    @Test
    void givenLinesAtTwoRates_whenPricingTheDocument_thenVatIsRoundedOncePerRateOnTheSummedNets() {
        PriceTierSet tiers = PriceTierSet.validated(List.of(PriceTier.of(1, null, "0.0150", TierPeriod.MONTH)));
        PricedLine a =
                ENGINE.priceLine(tiers, PricingMode.VOLUME, Quantity.of(1), 1, Percentage.ZERO); // 0.02 (0.015 up)
        PricedLine b = ENGINE.priceLine(tiers, PricingMode.VOLUME, Quantity.of(1), 1, Percentage.ZERO);
        PricedDocument doc = ENGINE.priceTaxedDocument(List.of(
                new TaxedLine(a, Percentage.of("20")),
                new TaxedLine(b, Percentage.of("20")),
                new TaxedLine(a, Percentage.of("5.5"))));

        assertThat(doc.vat()).hasSize(2);
        assertThat(doc.vat().get(0).rate().value()).isEqualByComparingTo("5.50");
        assertThat(amount(doc.vat().get(0).amount())).isEqualTo("0.00"); // 0.02 × 5.5 % = 0.0011
        assertThat(amount(doc.vat().get(1).base())).isEqualTo("0.04");
        assertThat(amount(doc.vat().get(1).amount())).isEqualTo("0.01"); // 0.04 × 20 % = 0.008, rounded once
        assertThat(amount(doc.totalAmount())).isEqualTo("0.07");
        assertThat(doc.totalAmount().amount())
                .isEqualByComparingTo(
                        doc.netAmount().amount().add(doc.taxAmount().amount()));
        assertThat(new BigDecimal("0.06")).isEqualByComparingTo(doc.netAmount().amount());
    }
}
