package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.catalog.PricingSettings;
import com.tentabo.prm.domain.pricing.Money;
import com.tentabo.prm.domain.pricing.Percentage;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Pricing configuration ({@code prm.pricing.*}): catalog currency and default VAT rate. */
@Singleton
public class PricingWiring {

    private final String currency;
    private final String defaultVatRate;

    public PricingWiring(
            @ConfigProperty(name = "prm.pricing.currency", defaultValue = "EUR") String currency,
            @ConfigProperty(name = "prm.pricing.default-vat-rate", defaultValue = "20.00") String defaultVatRate) {
        this.currency = currency;
        this.defaultVatRate = defaultVatRate;
    }

    @Produces
    @Singleton
    PricingSettings pricingSettings() {
        return new PricingSettings(Money.currency(currency), new Percentage(new BigDecimal(defaultVatRate.trim())));
    }
}
