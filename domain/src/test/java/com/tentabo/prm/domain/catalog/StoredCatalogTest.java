package com.tentabo.prm.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.pricing.PricedLine;
import com.tentabo.prm.domain.pricing.PricingEngine;
import com.tentabo.prm.domain.pricing.Quantity;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Products and durations read as stored (docs/legacy-data.md) and the input rules that still apply to changes. */
class StoredCatalogTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final PriceTierSet ONE_TIER =
            PriceTierSet.legacy(List.of(PriceTier.of(1, null, "2.5", TierPeriod.MONTH)));

    private static Product legacyProduct() {
        return Product.stored(
                new ProductId(UUID.randomUUID()),
                "",
                "  appliance ",
                " ",
                "d".repeat(10_001),
                true,
                PricingMode.VOLUME,
                ONE_TIER,
                T0,
                T0);
    }

    private static void assertRefused(Runnable write, String field) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(field);
        });
    }

    @Test
    void givenAStoredProductWithBlankAndUntrimmedTexts_thenItKeepsThemAndStillPrices() {
        Product p = legacyProduct();

        assertThat(p.name()).isEmpty();
        assertThat(p.type()).isEqualTo("  appliance ");
        assertThat(p.unit()).isEqualTo(" ");
        assertThat(p.description()).hasSize(10_001);
        PricedLine line = PricingEngine.of("EUR")
                .priceLine(
                        p,
                        Quantity.of(4),
                        Duration.stored(new DurationId(UUID.randomUUID()), 12, BigDecimal.ZERO, "", T0, T0));
        assertThat(line.gross().amount()).isEqualByComparingTo("120.00");
    }

    @Test
    void givenTheSameTextsAsInput_thenTheRulesApply() {
        ProductId id = new ProductId(UUID.randomUUID());
        assertRefused(() -> new Product(id, "", "service", "TB", null, true, null, null, T0, T0), "name");
        assertRefused(() -> new Product(id, "Backup", "service", " ", null, true, null, null, T0, T0), "unit");
        assertRefused(
                () -> new Product(id, "Backup", "service", "TB", "d".repeat(10_001), true, null, null, T0, T0),
                "description");
        assertRefused(() -> new Duration(new DurationId(id.value()), 12, BigDecimal.ZERO, "  ", T0, T0), "name");
        assertThat(new Product(id, "  Backup ", "service", "TB", null, true, null, null, T0, T0).name())
                .isEqualTo("Backup");
    }

    @Test
    void givenAStoredProduct_whenOnlyItsTiersChange_thenTheDetailsStayAsStored_butChangedDetailsAreChecked() {
        Product p = legacyProduct();
        PriceTierSet tiers = PriceTierSet.validated(List.of(PriceTier.of(1, null, "3", TierPeriod.MONTH)));

        Product retiered = p.withTiers(tiers, T0.plusSeconds(1));
        assertThat(retiered.name()).isEmpty();
        assertThat(retiered.unit()).isEqualTo(" ");
        assertThat(retiered.tiers()).isEqualTo(tiers);
        assertRefused(() -> p.withDetails("", "service", "TB", null, true, PricingMode.VOLUME, T0), "name");
        assertThat(p.withDetails(" Fixed ", "service", "TB", null, true, PricingMode.VOLUME, T0)
                        .name())
                .isEqualTo("Fixed");
    }

    @Test
    void givenAStoredDuration_thenTheNameIsALabelKeptAsStored_butTheNumbersPricingNeedsAreStillChecked() {
        Duration d = Duration.stored(new DurationId(UUID.randomUUID()), 500, new BigDecimal("12.5"), "", T0, T0);

        assertThat(d.name()).isEmpty();
        assertThat(d.months()).isEqualTo(500);
        assertThat(d.discountPercentage()).isEqualTo("12.50");
        assertRefused(
                () -> Duration.stored(new DurationId(UUID.randomUUID()), 0, BigDecimal.ZERO, "x", T0, T0), "months");
        assertRefused(
                () -> Duration.stored(new DurationId(UUID.randomUUID()), 1, new BigDecimal("101"), "x", T0, T0),
                "discount_percentage");
    }
}
