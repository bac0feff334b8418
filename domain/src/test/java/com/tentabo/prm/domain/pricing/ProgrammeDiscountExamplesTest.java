package com.tentabo.prm.domain.pricing;

import static com.tentabo.prm.domain.pricing.PricingWorkedExamplesTest.ENGINE;
import static com.tentabo.prm.domain.pricing.PricingWorkedExamplesTest.TIERS_A;
import static com.tentabo.prm.domain.pricing.PricingWorkedExamplesTest.TIERS_B;
import static com.tentabo.prm.domain.pricing.PricingWorkedExamplesTest.VAT;
import static com.tentabo.prm.domain.pricing.PricingWorkedExamplesTest.amount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.shared.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The partner programme examples of docs/pricing.md (level discount p, registration bonus b after d), exact figures. */
class ProgrammeDiscountExamplesTest {

    @ParameterizedTest(name = "{0} tiers {1}, q={2}, M={3}, d={4}, p={5}, b={6}")
    @CsvSource({
        // mode,    tiers, q,  M,  d,    p,    b,   gross,    net,     discount, vat,     total
        "VOLUME,    A,     60, 12, 10,   15,   0,   9000.00,  6885.00, 2115.00,  1377.00, 8262.00",
        "VOLUME,    A,     60, 12, 10,   15,   5,   9000.00,  6480.00, 2520.00,  1296.00, 7776.00",
        "VOLUME,    B,     8,  7,  5,    12.5, 0,   419.95,   349.09,  70.86,    69.82,   418.91",
        "GRADUATED, B,     8,  7,  5,    12.5, 0,   449.12,   373.33,  75.79,    74.67,   448.00",
        "GRADUATED, A,     60, 12, 10,   15,   0,   11100.00, 8491.50, 2608.50,  1698.30, 10189.80",
    })
    void givenALevelDiscountAndBonus_priceLine_appliesThemPerBandAfterTheDurationDiscount(
            PricingMode mode,
            String tiers,
            int q,
            int months,
            String d,
            String p,
            String b,
            String gross,
            String net,
            String discount,
            String vat,
            String total) {
        PricedLine line = ENGINE.priceLine(
                "A".equals(tiers) ? TIERS_A : TIERS_B,
                mode,
                Quantity.of(q),
                months,
                Percentage.of(d),
                ProgrammeDiscount.of(p, b));
        PricedDocument doc = ENGINE.priceDocument(List.of(line), VAT);

        assertThat(amount(line.gross())).isEqualTo(gross);
        assertThat(amount(line.net())).isEqualTo(net);
        assertThat(amount(line.discount())).isEqualTo(discount);
        assertThat(amount(doc.taxAmount())).isEqualTo(vat);
        assertThat(amount(doc.totalAmount())).isEqualTo(total);
        assertThat(line.discountRate()).isEqualTo(Percentage.of(d));
        assertThat(line.partnerDiscount()).isEqualTo(Percentage.of(p));
        assertThat(line.registrationBonus()).isEqualTo(Percentage.of(b));
    }

    @Test
    void givenNoProgrammeDiscount_priceLine_pricesExactlyAsWithout() {
        for (PricingMode mode : PricingMode.values()) {
            PricedLine plain = ENGINE.priceLine(TIERS_B, mode, Quantity.of(8), 7, Percentage.of("5"));
            PricedLine none =
                    ENGINE.priceLine(TIERS_B, mode, Quantity.of(8), 7, Percentage.of("5"), ProgrammeDiscount.NONE);
            assertThat(none).isEqualTo(plain);
            assertThat(amount(none.net())).isEqualTo(mode == PricingMode.VOLUME ? "398.96" : "426.67");
        }
    }

    @Test
    void givenLevelAndBonusAbove100_priceLine_capsTheirSumAt100() {
        PricedLine line = ENGINE.priceLine(
                TIERS_A,
                PricingMode.VOLUME,
                Quantity.of(60),
                12,
                Percentage.of("10"),
                ProgrammeDiscount.of("80", "40"));

        assertThat(amount(line.net())).isEqualTo("0.00");
        assertThat(amount(line.discount())).isEqualTo("9000.00");
        assertThat(ProgrammeDiscount.of("80", "40").combined()).isEqualTo(Percentage.of("100"));
    }

    @Test
    void givenDurationAndProgrammeDiscounts_effectiveAfter_isTheOneRelativeDiscountOfTheBillingLine() {
        assertThat(ProgrammeDiscount.of("15", "0")
                        .effectiveAfter(Percentage.of("10").value()))
                .isEqualByComparingTo("23.5")
                .hasToString("23.50");
        assertThat(ProgrammeDiscount.of("12.5", "0")
                        .effectiveAfter(Percentage.of("5").value()))
                .hasToString("16.875");
        assertThat(ProgrammeDiscount.of("15", "5")
                        .effectiveAfter(Percentage.of("10").value()))
                .hasToString("28.00");
        assertThat(ProgrammeDiscount.NONE.effectiveAfter(Percentage.of("7.25").value()))
                .hasToString("7.25");
    }

    @Test
    void givenAPercentageOutOfRange_programmeDiscount_isRefused() {
        assertThatThrownBy(() -> ProgrammeDiscount.of("100.01", "0")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> ProgrammeDiscount.of("-1", "0")).isInstanceOf(DomainException.class);
    }
}
