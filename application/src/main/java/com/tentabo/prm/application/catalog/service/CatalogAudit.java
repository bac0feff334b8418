package com.tentabo.prm.application.catalog.service;

import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.catalog.Product;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audited fields of catalog records, as the {@code changes} member of audit entries shows them. */
final class CatalogAudit {

    private CatalogAudit() {}

    static Map<String, Object> fields(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("type", p.type());
        m.put("unit", p.unit());
        m.put("description", p.description());
        m.put("is_active", p.active());
        m.put("pricing_mode", p.pricingMode().name());
        m.put("price_tiers", tiers(p));
        return m;
    }

    static Map<String, Object> fields(Duration d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("months", d.months());
        m.put("discount_percentage", d.discountPercentage());
        m.put("name", d.name());
        return m;
    }

    /** {@code "1-10 at 20.0000/month; 11-* at 15.0000/month"}. */
    static String tiers(Product p) {
        StringBuilder sb = new StringBuilder();
        for (PriceTier t : p.tiers().tiers()) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(t.minQuantity())
                    .append('-')
                    .append(t.maxQuantity() == null ? "*" : t.maxQuantity().toString())
                    .append(" at ")
                    .append(t.price().toPlainString())
                    .append('/')
                    .append(t.period().label());
        }
        return sb.toString();
    }
}
