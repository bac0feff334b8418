package com.tentabo.prm.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.pricing.PricedLine;
import com.tentabo.prm.domain.pricing.PricingEngine;
import com.tentabo.prm.domain.pricing.Quantity;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceTierSetTest {

    static final PricingEngine ENGINE = PricingEngine.of("EUR");

    static PriceTierSet.Row row(Integer min, Integer max, String price, TierPeriod period) {
        return new PriceTierSet.Row(min, max, price == null ? null : new BigDecimal(price), period);
    }

    static List<FieldViolation> violations(PriceTierSet.Row... rows) {
        DomainException e =
                catchThrowableOfType(DomainException.class, () -> PriceTierSet.fromRows(Arrays.asList(rows)));
        assertThat(e).as("the rows must be refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PRICE_TIERS);
        return e.violations();
    }

    @Test
    void givenSortedContiguousTiersEndingOpen_whenValidated_thenTheSetKeepsThemInOrder() {
        PriceTierSet set = PriceTierSet.fromRows(List.of(
                row(1, 10, "20", TierPeriod.MONTH),
                row(11, 50, "15.5", TierPeriod.MONTH),
                row(51, null, "12.5", TierPeriod.MONTH)));

        assertThat(set.tiers()).extracting(PriceTier::minQuantity).containsExactly(1, 11, 51);
        assertThat(set.tiers().get(1).price().toPlainString()).isEqualTo("15.5000");
        assertThat(set.conforming()).isTrue();
    }

    @Test
    void givenASetStartingAtZeroAndBoundedAtTheTop_whenValidated_thenItIsAccepted() {
        assertThat(PriceTierSet.fromRows(List.of(row(0, 9, "2", TierPeriod.YEAR), row(10, 100, "1", TierPeriod.YEAR)))
                        .size())
                .isEqualTo(2);
    }

    @Test
    void givenSeveralBrokenRules_whenValidated_thenEveryViolationIsListedWithItsField() {
        List<FieldViolation> v = violations(
                row(2, 10, "20", TierPeriod.MONTH),
                row(11, null, "15", TierPeriod.MONTH),
                row(40, 60, "12", TierPeriod.YEAR));

        assertThat(v)
                .extracting(FieldViolation::field)
                .containsExactly("price_tiers[0].min_quantity", "price_tiers[2].period", "price_tiers[1].max_quantity");
        assertThat(v.get(0).message()).contains("start at 0 or 1");
        assertThat(v.get(2).message()).contains("only the last tier may be open-ended");
    }

    @Test
    void givenAGapAnOverlapAndAnUnsortedTier_whenValidated_thenEachIsNamed() {
        List<FieldViolation> v = violations(
                row(1, 10, "20", TierPeriod.MONTH),
                row(12, 20, "15", TierPeriod.MONTH),
                row(15, 30, "14", TierPeriod.MONTH),
                row(5, null, "10", TierPeriod.MONTH));

        assertThat(v)
                .extracting(FieldViolation::field)
                .containsExactly(
                        "price_tiers[1].min_quantity", "price_tiers[2].min_quantity", "price_tiers[3].min_quantity");
        assertThat(v)
                .extracting(FieldViolation::message)
                .containsExactly(
                        "leaves a gap after the previous tier (must be 11)",
                        "overlaps the previous tier (must be 21)",
                        "tiers must be sorted by min_quantity");
    }

    @Test
    void givenMissingAndOutOfRangeFields_whenValidated_thenEachRowProblemIsListed() {
        List<FieldViolation> v = violations(
                row(null, 10, "-1", TierPeriod.MONTH),
                row(11, 11, "0", null),
                row(-3, null, "12.12345", TierPeriod.MONTH),
                row(20, null, null, TierPeriod.MONTH),
                row(21, null, "1000000", TierPeriod.MONTH));

        assertThat(v)
                .extracting(f -> f.field() + " " + f.message())
                .containsExactly(
                        "price_tiers[0].min_quantity is required",
                        "price_tiers[0].price_per_unit must be greater than 0",
                        "price_tiers[1].max_quantity must be greater than min_quantity",
                        "price_tiers[1].price_per_unit must be greater than 0",
                        "price_tiers[1].period is required (month or year)",
                        "price_tiers[2].min_quantity must be 0 or more",
                        "price_tiers[2].price_per_unit must have at most 4 decimals",
                        "price_tiers[3].price_per_unit is required",
                        "price_tiers[4].price_per_unit must be at most 999999.9999");
    }

    @Test
    void givenNoTiersOrTooMany_whenValidated_thenTheCountIsRefused() {
        assertThat(violations()).extracting(FieldViolation::message).containsExactly("must contain at least one tier");
        List<PriceTierSet.Row> many = new ArrayList<>();
        for (int i = 0; i < PriceTierSet.MAX_TIERS + 1; i++) {
            many.add(row(i * 10 + 1, i == PriceTierSet.MAX_TIERS ? null : i * 10 + 10, "1", TierPeriod.MONTH));
        }
        assertThatThrownBy(() -> PriceTierSet.fromRows(many))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("at most " + PriceTierSet.MAX_TIERS);
    }

    @Test
    void givenLegacyOverlappingTiers_whenPricedVolume_thenTheFirstTierByMinThatContainsTheQuantityWins() {
        PriceTierSet legacy = PriceTierSet.legacy(
                List.of(PriceTier.of(5, 100, "8", TierPeriod.MONTH), PriceTier.of(1, 20, "10", TierPeriod.MONTH)));

        assertThat(legacy.conforming()).isFalse();
        PricedLine line = ENGINE.priceLine(legacy, PricingMode.VOLUME, Quantity.of(10), 1, Percentage.ZERO);
        assertThat(line.net().amount().toPlainString()).isEqualTo("100.00");
        PricedLine above = ENGINE.priceLine(legacy, PricingMode.VOLUME, Quantity.of(30), 1, Percentage.ZERO);
        assertThat(above.net().amount().toPlainString()).isEqualTo("240.00");
    }

    @Test
    void givenLegacyOverlappingTiers_whenPricedGraduated_thenEachUnitIsPricedOnceByTheFirstTierContainingIt() {
        PriceTierSet legacy = PriceTierSet.legacy(
                List.of(PriceTier.of(1, 20, "10", TierPeriod.MONTH), PriceTier.of(5, 100, "8", TierPeriod.MONTH)));

        PricedLine line = ENGINE.priceLine(legacy, PricingMode.GRADUATED, Quantity.of(30), 1, Percentage.ZERO);
        assertThat(line.bands()).extracting(b -> b.units()).containsExactly(20, 10);
        assertThat(line.net().amount().toPlainString()).isEqualTo("280.00");
    }

    @Test
    void givenLegacyTiersWithAGap_whenAQuantityFallsInTheGap_thenAClearNoTierErrorNamesTheQuantity() {
        PriceTierSet legacy = PriceTierSet.legacy(
                List.of(PriceTier.of(1, 10, "10", TierPeriod.MONTH), PriceTier.of(20, null, "8", TierPeriod.MONTH)));

        assertThatThrownBy(() -> ENGINE.priceLine(legacy, PricingMode.VOLUME, Quantity.of(15), 1, Percentage.ZERO))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NO_TIER_FOR_QUANTITY);
                    assertThat(e.detail()).isEqualTo("No price tier covers quantity 15");
                });
        assertThatThrownBy(() -> ENGINE.priceLine(legacy, PricingMode.GRADUATED, Quantity.of(25), 1, Percentage.ZERO))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NO_TIER_FOR_QUANTITY);
                    assertThat(e.detail()).isEqualTo("No price tier covers quantity 11");
                });
        assertThat(ENGINE.priceLine(legacy, PricingMode.VOLUME, Quantity.of(25), 1, Percentage.ZERO)
                        .net()
                        .amount())
                .isEqualByComparingTo("200.00");
    }

    @Test
    void givenBoundedOrEmptyTiers_whenTheQuantityExceedsThem_thenNoTierCoversIt() {
        PriceTierSet bounded = PriceTierSet.validated(List.of(PriceTier.of(1, 10, "10", TierPeriod.MONTH)));
        for (PricingMode mode : PricingMode.values()) {
            assertThatThrownBy(() -> ENGINE.priceLine(bounded, mode, Quantity.of(11), 1, Percentage.ZERO))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_TIER_FOR_QUANTITY));
            assertThatThrownBy(() -> ENGINE.priceLine(PriceTierSet.empty(), mode, Quantity.of(1), 1, Percentage.ZERO))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.detail()).contains("no price tiers"));
        }
    }

    @Test
    void givenLegacyTiersWithMixedPeriods_whenPricedGraduated_thenEachBandUsesItsOwnPeriod() {
        PriceTierSet legacy = PriceTierSet.legacy(
                List.of(PriceTier.of(0, 1, "12", TierPeriod.MONTH), PriceTier.of(2, null, "120", TierPeriod.YEAR)));
        PricedLine line = ENGINE.priceLine(legacy, PricingMode.GRADUATED, Quantity.of(2), 12, Percentage.ZERO);
        assertThat(line.net().amount()).isEqualByComparingTo("264.00");
    }
}
