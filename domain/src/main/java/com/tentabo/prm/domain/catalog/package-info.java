/**
 * The catalog: products with their price tiers and pricing mode, and subscription durations with their
 * discount. Tier sets are validated when written ({@link com.tentabo.prm.domain.catalog.PriceTierSet#validated})
 * and read leniently when adopted from a legacy database ({@link com.tentabo.prm.domain.catalog.PriceTierSet#legacy}).
 */
package com.tentabo.prm.domain.catalog;
