/**
 * The pricing engine and its value objects ({@link com.tentabo.prm.domain.pricing.Money},
 * {@link com.tentabo.prm.domain.pricing.UnitPrice}, {@link com.tentabo.prm.domain.pricing.Quantity},
 * {@link com.tentabo.prm.domain.pricing.Percentage}). Plain Java 17, no framework: another JVM service can embed
 * the domain jar and call {@link com.tentabo.prm.domain.pricing.PricingEngine} directly (docs/embedding.md).
 * The arithmetic is that of docs/pricing.md: exact {@code BigDecimal} products, {@code HALF_UP} rounding at the
 * documented steps only.
 */
package com.tentabo.prm.domain.pricing;
