package com.tentabo.prm.domain.catalog;

import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.StoredRows;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A product sold by subscription, with its price tiers and pricing mode.
 *
 * <p>Invariants: name (unique, enforced by the database) 1–255 characters, type 1–100, unit 1–50, all trimmed;
 * tiers written through the API obey the {@link PriceTierSet#validated write rules}; an inactive product cannot be
 * quoted or ordered ({@link #requireActive()}). A product read from the database ({@link #stored}) keeps its texts
 * as stored, even blank or untrimmed: they are labels, pricing needs only the tiers and the mode.
 */
public record Product(
        ProductId id,
        String name,
        String type,
        String unit,
        String description,
        boolean active,
        PricingMode pricingMode,
        PriceTierSet tiers,
        Instant createdAt,
        Instant updatedAt) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!StoredRows.reading()) {
            name = text("name", name, 255, true);
            type = text("type", type, 100, true);
            unit = text("unit", unit, 50, true);
            description = text("description", description, 10_000, false);
        }
        pricingMode = pricingMode == null ? PricingMode.VOLUME : pricingMode;
        tiers = tiers == null ? PriceTierSet.empty() : tiers;
    }

    /**
     * A product as stored: a row the replaced system wrote with a blank name, type or unit, or a description longer
     * than the API accepts, still loads, lists, quotes and orders. {@link #withDetails} applies the rules again.
     */
    public static Product stored(
            ProductId id,
            String name,
            String type,
            String unit,
            String description,
            boolean active,
            PricingMode pricingMode,
            PriceTierSet tiers,
            Instant createdAt,
            Instant updatedAt) {
        return StoredRows.build(
                () -> new Product(id, name, type, unit, description, active, pricingMode, tiers, createdAt, updatedAt));
    }

    /** A product priced without catalog identity (embedding, tests). */
    public static Product of(String name, PricingMode mode, PriceTierSet tiers) {
        return new Product(
                new ProductId(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                name,
                "service",
                "unit",
                null,
                true,
                mode,
                tiers,
                Instant.EPOCH,
                Instant.EPOCH);
    }

    public Product withDetails(
            String newName,
            String newType,
            String newUnit,
            String newDescription,
            boolean newActive,
            PricingMode newMode,
            Instant at) {
        return new Product(id, newName, newType, newUnit, newDescription, newActive, newMode, tiers, createdAt, at);
    }

    /** New tiers; the details are not changed, so they are kept as they are (checked when written, or as stored). */
    public Product withTiers(PriceTierSet newTiers, Instant at) {
        return StoredRows.build(
                () -> new Product(id, name, type, unit, description, active, pricingMode, newTiers, createdAt, at));
    }

    /** 422 {@code PRODUCT_INACTIVE} for a product that may no longer be sold. */
    public void requireActive() {
        if (!active) {
            throw new DomainException(
                    ErrorCode.PRODUCT_INACTIVE,
                    "Product " + id + " (" + name + ") is inactive and cannot be quoted or ordered");
        }
    }

    static String text(String field, String value, int max, boolean required) {
        String trimmed = value == null ? null : value.trim();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                throw DomainException.invalid(field, "is required");
            }
            return null;
        }
        if (trimmed.length() > max) {
            throw DomainException.invalid(field, "must be at most " + max + " characters");
        }
        if (trimmed.chars().anyMatch(c -> c == 0)) {
            throw DomainException.invalid(field, "must not contain NUL characters");
        }
        return trimmed;
    }
}
