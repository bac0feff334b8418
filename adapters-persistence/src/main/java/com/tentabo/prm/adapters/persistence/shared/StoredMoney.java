package com.tentabo.prm.adapters.persistence.shared;

import com.tentabo.prm.domain.pricing.Money;
import com.tentabo.prm.domain.shared.DomainException;
import java.util.Currency;

/**
 * How the model's {@link Money} maps to the seed's columns: an amount is a {@code NUMERIC(…, 2)} column, its currency
 * a {@code VARCHAR(3)} ISO 4217 code beside it. A NULL amount reads as zero ({@link Money#of(java.math.BigDecimal,
 * Currency)}: the seed's order totals are nullable); a NULL currency, or a code that is no ISO 4217 currency (a legacy row), reads as {@link Money#NO_CURRENCY} and is
 * written back as NULL, so that such a row keeps what it stored.
 */
public final class StoredMoney {

    private StoredMoney() {}

    /** The currency of a stored code: {@link Money#NO_CURRENCY} when there is none or it is unknown. */
    public static Currency currency(String code) {
        if (code == null) {
            return Money.NO_CURRENCY;
        }
        try {
            return Money.currency(code.strip());
        } catch (DomainException unknown) {
            return Money.NO_CURRENCY;
        }
    }

    /** The code to store for a currency: null for {@link Money#NO_CURRENCY}. */
    public static String code(Currency currency) {
        return Money.code(currency);
    }
}
