package com.tentabo.prm.application.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.application.catalog.PricingSettings;
import com.tentabo.prm.application.catalog.port.in.QuoteUseCase.TierPreview;
import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.catalog.TierPeriod;
import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preview of unsaved tiers: the quantities chosen, both modes priced for 12 months, a quantity no tier holds. */
class QuotePricerPreviewTest {

    private final QuotePricer pricer =
            new QuotePricer(new PricingSettings(Currency.getInstance("EUR"), Percentage.of("20")));
    private final PriceTierSet tiers = PriceTierSet.validated(
            List.of(PriceTier.of(1, 10, "10", TierPeriod.MONTH), PriceTier.of(11, 50, "8", TierPeriod.MONTH)));

    @Test
    void byDefaultOneTenAHundredAndTheTierBounds_eachInBothModes() {
        List<TierPreview> preview = pricer.preview(tiers, null);

        assertThat(preview).extracting(TierPreview::quantity).containsExactly(1, 10, 11, 50, 100);
        TierPreview fifty = preview.get(3);
        assertThat(fifty.volume().net().amount()).isEqualByComparingTo("4800.00"); // 50 × 8 × 12
        assertThat(fifty.graduated().net().amount()).isEqualByComparingTo("5040.00"); // (10 × 10 + 40 × 8) × 12
        assertThat(fifty.volume().months()).isEqualTo(12);
        // 100 is beyond the last (closed) tier: no price rather than a refusal
        assertThat(preview.get(4).volume()).isNull();
        assertThat(preview.get(4).graduated()).isNull();
    }

    @Test
    void quantitiesAskedAreChecked() {
        assertThat(pricer.preview(tiers, List.of(5)))
                .singleElement()
                .satisfies(p -> assertThat(p.volume().net().amount()).isEqualByComparingTo("600.00"));
        assertThatThrownBy(() -> pricer.preview(tiers, List.of(0)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThatThrownBy(() -> pricer.preview(tiers, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("quantities"));
    }
}
