package com.tentabo.prm.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @Test
    void givenAmountsDifferingOnlyInScale_whenMadeMoney_thenTheyAreEqual() {
        assertThat(Money.of("1.5", "EUR")).isEqualTo(Money.of("1.50", "eur"));
        assertThat(Money.of("1.5", "EUR").amount().toPlainString()).isEqualTo("1.50");
        assertThat(Money.of("2.25", "EUR").plus(Money.of("0.75", "EUR"))).isEqualTo(Money.of("3", "EUR"));
    }

    @Test
    void givenMoreThanTwoDecimalsOrAnUnknownCurrency_whenMadeMoney_thenAFieldIsNamed() {
        assertThatThrownBy(() -> Money.of("1.505", "EUR"))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("amount"));
        assertThatThrownBy(() -> Money.of("1", "XYZ"))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("currency"));
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNoCurrency_whenMadeMoney_thenItsCodeIsNullAndANullAmountIsZero() {
        Money legacy = Money.of((BigDecimal) null, Money.NO_CURRENCY);
        assertThat(legacy.amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(legacy.currencyCode()).isNull();
        assertThat(Money.of("1", "USD").currencyCode()).isEqualTo("USD");
        assertThat(Money.code(null)).isNull();
    }

    @Test
    void givenANetAndARate_vat_isRoundedHalfUpOnce() {
        VatAmount vat = VatAmount.of(Percentage.of("20.00"), Money.of("0.03", "EUR")); // 0.006 → 0.01
        assertThat(vat.amount()).isEqualTo(Money.of("0.01", "EUR"));
        assertThat(VatAmount.of(Percentage.of("5.5"), Money.of("16200.00", "EUR"))
                        .amount())
                .isEqualTo(Money.of("891.00", "EUR"));
        assertThat(VatAmount.of(Percentage.of("20"), Money.of("0.02", "EUR")).amount()) // 0.004 → 0.00
                .isEqualTo(Money.of("0", "EUR"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE, Quantity.MAX + 1, Integer.MAX_VALUE})
    void givenAQuantityOutOfRange_whenMade_thenItIsABadRequestNamingQuantity(int value) {
        assertThatThrownBy(() -> Quantity.of(value)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(e.violations().get(0).field()).isEqualTo("quantity");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "100.01", "12.345", "1000"})
    void givenAPercentageOutOfRangeOrTooPrecise_whenMade_thenItIsRefused(String value) {
        assertThatThrownBy(() -> Percentage.of(value)).isInstanceOf(DomainException.class);
    }

    @Test
    void givenValidPercentagesAndPrices_whenMade_thenTheirScaleIsNormalised() {
        assertThat(Percentage.of("5.5").value().toPlainString()).isEqualTo("5.50");
        assertThat(Percentage.of("100").complement()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(UnitPrice.of("12.5").value().toPlainString()).isEqualTo("12.5000");
        assertThat(UnitPrice.of("999999.9999").value()).isEqualByComparingTo(UnitPrice.MAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "0.00001", "1000000"})
    void givenAnInvalidUnitPrice_whenMade_thenItIsRefused(String value) {
        assertThatThrownBy(() -> UnitPrice.of(value)).isInstanceOf(DomainException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Duration.MAX_MONTHS + 1})
    void givenAbsurdMonths_whenPricingOrMakingADuration_thenMonthsAreNamed(int months) {
        assertThatThrownBy(() -> Duration.of(months, "0"))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("months"));
    }
}
