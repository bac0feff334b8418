package com.tentabo.prm.adapters.rest.shared;

import java.math.BigDecimal;

/**
 * The bounds every JSON body is read within, whatever the resource (docs/api.md, "Limits"). Numbers are refused at the
 * JSON edge when they are longer, or their decimals wider, than any column can hold, before any arithmetic, hashing
 * or formatting sees them: an exponent such as {@code 1E+999999999} costs nothing to read but billions of digits to
 * print. Fields narrower than this (a tax rate, a price) carry their own Bean Validation bounds, which the OpenAPI
 * document shows too. The OpenAPI document is built from these same constants.
 */
public final class JsonLimits {

    /** The most characters a number may have in a body, as a JSON number or as a decimal string. */
    public static final int MAX_NUMBER_LENGTH = 40;
    /** The most digits before the decimal point of any decimal (the widest column, NUMERIC(12, 2), needs 10). */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** The most digits after the decimal point of any decimal (the widest column scale is 4). */
    public static final int MAX_FRACTION_DIGITS = 8;
    /** The deepest nesting of arrays and objects a body may have. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** The longest text value a body may hold (fields narrower than this declare their own maximum). */
    public static final int MAX_STRING_LENGTH = 1_048_576;

    private JsonLimits() {}

    /**
     * Whether a decimal read from a body is within {@link #MAX_INTEGER_DIGITS} and {@link #MAX_FRACTION_DIGITS}
     * ({@code 20.000} has 0 significant decimals: trailing zeros do not count). Cheap for any value: it reads the
     * precision and scale, never the digits of an exponent.
     */
    public static boolean withinBounds(BigDecimal value) {
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return false;
        }
        if (value.scale() <= MAX_FRACTION_DIGITS) {
            return true;
        }
        // a long scale of trailing zeros ("1.000000000000") is still a small number; a value that reached here has
        // at most MAX_NUMBER_LENGTH digits, so stripping them is cheap
        return value.precision() <= MAX_NUMBER_LENGTH
                && value.stripTrailingZeros().scale() <= MAX_FRACTION_DIGITS;
    }
}
