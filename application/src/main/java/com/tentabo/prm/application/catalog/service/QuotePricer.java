package com.tentabo.prm.application.catalog.service;

import static com.tentabo.prm.application.catalog.port.in.QuoteUseCase.MAX_ITEMS;

import com.tentabo.prm.application.catalog.PricingSettings;
import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.application.catalog.port.in.QuoteUseCase.Quote;
import com.tentabo.prm.application.catalog.port.in.QuoteUseCase.QuoteCommand;
import com.tentabo.prm.application.catalog.port.in.QuoteUseCase.QuoteItem;
import com.tentabo.prm.application.catalog.port.in.QuoteUseCase.QuotedItem;
import com.tentabo.prm.application.catalog.port.out.PricingCatalogDirectory;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.pricing.PricedDocument;
import com.tentabo.prm.domain.pricing.PricedLine;
import com.tentabo.prm.domain.pricing.PricingEngine;
import com.tentabo.prm.domain.pricing.ProgrammeDiscount;
import com.tentabo.prm.domain.pricing.Quantity;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one pricing path of quotes and orders: checks the requested items, then prices them from catalog rows read
 * beforehand ({@link #validate}, {@link #price}), so that a caller can read the catalog together with what else it
 * needs; {@link #quote} does the three steps for a caller that reads nothing else.
 */
@ApplicationScoped
public class QuotePricer {

    private final PricingSettings settings;
    private final PricingEngine engine;

    public QuotePricer(PricingSettings settings) {
        this.settings = settings;
        this.engine = new PricingEngine(settings.currency());
    }

    /** Refuses malformed items (every problem at once, 422) and returns the VAT rate that applies. */
    public Percentage validate(QuoteCommand command) {
        List<QuoteItem> items = command.items();
        List<FieldViolation> problems = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            problems.add(new FieldViolation("items", "must contain at least one item"));
        } else if (items.size() > MAX_ITEMS) {
            problems.add(new FieldViolation("items", "must contain at most " + MAX_ITEMS + " items"));
        } else {
            for (int i = 0; i < items.size(); i++) {
                QuoteItem item = items.get(i);
                String at = "items[" + i + "].";
                if (item == null) {
                    problems.add(new FieldViolation("items[" + i + "]", "must be an item"));
                    continue;
                }
                if (item.productId() == null) {
                    problems.add(new FieldViolation(at + "product_id", "is required"));
                }
                if (item.durationId() == null) {
                    problems.add(new FieldViolation(at + "duration_id", "is required"));
                }
                if (item.quantity() == null) {
                    problems.add(new FieldViolation(at + "quantity", "is required"));
                } else if (item.quantity() < 1 || item.quantity() > Quantity.MAX) {
                    problems.add(new FieldViolation(at + "quantity", "must be between 1 and " + Quantity.MAX));
                }
            }
        }
        Percentage taxRate = settings.defaultVatRate();
        if (command.taxRate() != null) {
            String problem = Percentage.problemWith(command.taxRate());
            if (problem != null) {
                problems.add(new FieldViolation("tax_rate", problem));
            } else {
                taxRate = new Percentage(command.taxRate());
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(
                    ErrorCode.VALIDATION_FAILED,
                    problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")),
                    problems);
        }
        return taxRate;
    }

    /** The products the (validated) items name. */
    public static Set<ProductId> productIds(List<QuoteItem> items) {
        return ids(items, QuoteItem::productId);
    }

    /** The durations the (validated) items name. */
    public static Set<DurationId> durationIds(List<QuoteItem> items) {
        return ids(items, QuoteItem::durationId);
    }

    private static <I> Set<I> ids(List<QuoteItem> items, Function<QuoteItem, I> id) {
        Set<I> ids = new LinkedHashSet<>();
        items.forEach(item -> ids.add(id.apply(item)));
        return ids;
    }

    /** Prices each quantity under the tiers in both modes ({@link QuoteUseCase#previewTiers}). */
    public List<QuoteUseCase.TierPreview> preview(PriceTierSet tiers, List<Integer> quantities) {
        List<Integer> asked = quantities == null || quantities.isEmpty() ? previewQuantities(tiers) : quantities;
        List<FieldViolation> problems = new ArrayList<>();
        if (asked.size() > QuoteUseCase.MAX_PREVIEW_QUANTITIES) {
            problems.add(new FieldViolation(
                    "quantities", "must contain at most " + QuoteUseCase.MAX_PREVIEW_QUANTITIES + " quantities"));
        }
        for (int i = 0; i < asked.size() && problems.isEmpty(); i++) {
            Integer q = asked.get(i);
            if (q == null || q < 1 || q > Quantity.MAX) {
                problems.add(new FieldViolation("quantities[" + i + "]", "must be between 1 and " + Quantity.MAX));
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(
                    ErrorCode.VALIDATION_FAILED,
                    problems.get(0).field() + ": " + problems.get(0).message(),
                    problems);
        }
        return asked.stream()
                .map(q -> new QuoteUseCase.TierPreview(
                        q, previewLine(tiers, PricingMode.VOLUME, q), previewLine(tiers, PricingMode.GRADUATED, q)))
                .toList();
    }

    private PricedLine previewLine(PriceTierSet tiers, PricingMode mode, int quantity) {
        try {
            return engine.priceLine(tiers, mode, Quantity.of(quantity), QuoteUseCase.PREVIEW_MONTHS, Percentage.ZERO);
        } catch (DomainException e) {
            if (e.code() != ErrorCode.NO_TIER_FOR_QUANTITY) {
                throw e;
            }
            return null;
        }
    }

    /** 1, 10, 100 and each tier's bounds, sorted, at most {@link QuoteUseCase#MAX_PREVIEW_QUANTITIES}. */
    static List<Integer> previewQuantities(PriceTierSet tiers) {
        TreeSet<Integer> quantities = new TreeSet<>(List.of(1, 10, 100));
        for (PriceTier tier : tiers.tiers()) {
            quantities.add(Math.max(1, tier.minQuantity()));
            if (tier.maxQuantity() != null && tier.maxQuantity() <= Quantity.MAX) {
                quantities.add(tier.maxQuantity());
            }
        }
        return quantities.stream().limit(QuoteUseCase.MAX_PREVIEW_QUANTITIES).toList();
    }

    /** Checks the command, reads the catalog rows its items name (one read), prices them. */
    public Quote quote(QuoteCommand command, PricingCatalogDirectory catalog) {
        return quote(command, catalog, ProgrammeDiscount.NONE);
    }

    /** As {@link #quote(QuoteCommand, PricingCatalogDirectory)}, with a partner programme discount. */
    public Quote quote(QuoteCommand command, PricingCatalogDirectory catalog, ProgrammeDiscount programme) {
        Percentage taxRate = validate(command);
        List<QuoteItem> items = command.items();
        return price(items, catalog.read(productIds(items), durationIds(items)), taxRate, programme);
    }

    /** Prices validated items from the catalog rows: 404 for an unknown product or duration, 422 otherwise. */
    public Quote price(List<QuoteItem> items, PricingCatalogDirectory.Rows catalog, Percentage taxRate) {
        return price(items, catalog, taxRate, ProgrammeDiscount.NONE);
    }

    /** As {@link #price(List, PricingCatalogDirectory.Rows, Percentage)}, with a partner programme discount on every line. */
    public Quote price(
            List<QuoteItem> items,
            PricingCatalogDirectory.Rows catalog,
            Percentage taxRate,
            ProgrammeDiscount programme) {
        List<QuotedItem> quoted = new ArrayList<>(items.size());
        List<PricedLine> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            QuoteItem item = items.get(i);
            String at = "items[" + i + "].";
            Product product = catalog.products().get(item.productId());
            if (product == null) {
                throw new DomainException(
                        ErrorCode.PRODUCT_NOT_FOUND,
                        "Product " + item.productId() + " was not found",
                        List.of(new FieldViolation(at + "product_id", "no such product")));
            }
            Duration duration = catalog.durations().get(item.durationId());
            if (duration == null) {
                throw new DomainException(
                        ErrorCode.DURATION_NOT_FOUND,
                        "Duration " + item.durationId() + " was not found",
                        List.of(new FieldViolation(at + "duration_id", "no such duration")));
            }
            if (!product.active()) {
                throw new DomainException(
                        ErrorCode.PRODUCT_INACTIVE,
                        "Product " + product.id() + " (" + product.name() + ") is inactive and cannot be quoted",
                        List.of(new FieldViolation(at + "product_id", "product is inactive")));
            }
            PricedLine line;
            try {
                line = engine.priceLine(product, Quantity.of(item.quantity().intValue()), duration, programme);
            } catch (DomainException e) {
                if (e.code() != ErrorCode.NO_TIER_FOR_QUANTITY) {
                    throw e;
                }
                throw new DomainException(
                        e.code(),
                        e.detail() + " of product " + product.id() + " (" + product.name() + ")",
                        List.of(new FieldViolation(at + "quantity", e.detail())));
            }
            lines.add(line);
            quoted.add(new QuotedItem(product, duration, line));
        }
        PricedDocument document = engine.priceDocument(lines, taxRate);
        return new Quote(quoted, taxRate, document);
    }
}
