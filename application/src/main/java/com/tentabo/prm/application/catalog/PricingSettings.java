package com.tentabo.prm.application.catalog;

import com.tentabo.prm.domain.pricing.Percentage;
import java.util.Currency;
import java.util.Objects;

/**
 * Configuration of pricing: the currency of catalog prices and the default VAT rate (20.00 % unless configured;
 * a quote or an order may override it). Produced by the bootstrap module from {@code prm.pricing.*}.
 */
public record PricingSettings(Currency currency, Percentage defaultVatRate) {
    public PricingSettings {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(defaultVatRate, "defaultVatRate");
    }
}
