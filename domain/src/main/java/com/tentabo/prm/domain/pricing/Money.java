package com.tentabo.prm.domain.pricing;

import com.tentabo.prm.domain.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in an ISO 4217 currency. The amount always has scale 2 (the scale of every stored amount),
 * so that 1.5 and 1.50 are equal; a value with more than 2 significant decimals is refused, never rounded here:
 * rounding happens at the steps the pricing rules name, not by accident.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.scale() != 2) {
            if (amount.stripTrailingZeros().scale() > 2) {
                throw DomainException.invalid("amount", "must have at most 2 decimals");
            }
            amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        }
    }

    /**
     * ISO 4217 {@code XXX}, "no currency": the currency of an amount the replaced system stored without one (a legacy
     * contract's {@code currency} may be NULL). The persistence adapter reads and writes it as NULL and
     * {@link #currencyCode()} answers null for it, so such a row looks exactly as stored.
     */
    public static final Currency NO_CURRENCY = Currency.getInstance("XXX");

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO.setScale(2), currency);
    }

    /** The ISO 4217 currency of a code such as {@code EUR}; an unknown code is a 400 naming the field. */
    public static Currency currency(String code) {
        if (code == null || code.length() != 3) {
            throw DomainException.invalid("currency", "must be an ISO 4217 code such as EUR");
        }
        try {
            return Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("currency", "must be an ISO 4217 code such as EUR");
        }
    }

    /** An amount of at most 2 decimals in the currency (a null amount is zero). */
    public static Money of(BigDecimal amount, Currency currency) {
        return amount == null ? zero(currency) : new Money(amount, currency);
    }

    /** The ISO 4217 code of the currency, or null for {@link #NO_CURRENCY}. */
    public String currencyCode() {
        return code(currency);
    }

    /** The ISO 4217 code of a currency, or null for {@link #NO_CURRENCY}. */
    public static String code(Currency currency) {
        return currency == null || NO_CURRENCY.equals(currency) ? null : currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
