package com.tentabo.prm.adapters.rest.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.catalog.TierPeriod;
import com.tentabo.prm.domain.shared.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the catalog resources (snake_case on the wire). */
public final class CatalogJson {

    private CatalogJson() {}

    public record TierBody(
            Integer minQuantity,
            Integer maxQuantity,

            @Schema(minimum = "0", maximum = "999999.9999", multipleOf = 0.0001)
            BigDecimal pricePerUnit,

            TierPeriod period) {
        PriceTierSet.Row row() {
            return new PriceTierSet.Row(minQuantity, maxQuantity, pricePerUnit, period);
        }

        static TierBody of(PriceTier t) {
            return new TierBody(t.minQuantity(), t.maxQuantity(), t.price(), t.period());
        }
    }

    public record TiersBody(
            @Schema(maxItems = PriceTierSet.MAX_TIERS) List<TierBody> priceTiers) {}

    public record TiersResponse(UUID productId, PricingMode pricingMode, List<TierBody> priceTiers) {
        static TiersResponse of(Product p) {
            return new TiersResponse(p.id().value(), p.pricingMode(), tiers(p));
        }
    }

    public record ProductBody(
            String name,
            String type,
            String unit,
            String description,
            @JsonProperty("is_active") Boolean isActive,
            PricingMode pricingMode,
            @Schema(maxItems = PriceTierSet.MAX_TIERS) List<TierBody> priceTiers) {}

    public record ProductResponse(
            UUID id,
            String name,
            String type,
            String unit,
            String description,
            @JsonProperty("is_active") boolean isActive,
            PricingMode pricingMode,
            List<TierBody> priceTiers,
            Instant createdAt,
            Instant updatedAt) {
        static ProductResponse of(Product p) {
            return CatalogResponseMapper.INSTANCE.product(p);
        }
    }

    public record DurationBody(
            @Schema(minimum = "1", maximum = "" + Duration.MAX_MONTHS)
            Integer months,

            @Schema(minimum = "0", maximum = "100", multipleOf = 0.01)
            BigDecimal discountPercentage,

            String name) {}

    public record DurationResponse(
            UUID id, int months, BigDecimal discountPercentage, String name, Instant createdAt, Instant updatedAt) {
        static DurationResponse of(Duration d) {
            return new DurationResponse(
                    d.id().value(), d.months(), d.discountPercentage(), d.name(), d.createdAt(), d.updatedAt());
        }
    }

    static List<TierBody> tiers(Product p) {
        return p.tiers().tiers().stream().map(TierBody::of).toList();
    }

    static List<PriceTierSet.Row> rows(List<TierBody> bodies) {
        if (bodies == null) {
            return null;
        }
        return bodies.stream().map(b -> b == null ? null : b.row()).toList();
    }

    static PricingMode mode(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        for (PricingMode m : PricingMode.values()) {
            if (m.name().equalsIgnoreCase(raw.trim())) {
                return m;
            }
        }
        throw DomainException.invalid("pricing_mode", "must be volume or graduated");
    }
}
