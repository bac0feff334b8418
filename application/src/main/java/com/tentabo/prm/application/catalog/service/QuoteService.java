package com.tentabo.prm.application.catalog.service;

import com.tentabo.prm.application.catalog.PricingSettings;
import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.application.catalog.port.out.DurationRepository;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.pricing.PricedDocument;
import com.tentabo.prm.domain.pricing.PricedLine;
import com.tentabo.prm.domain.pricing.PricingEngine;
import com.tentabo.prm.domain.pricing.Quantity;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prices a quote from the current catalog; reads only, stores nothing. */
@ApplicationScoped
@Transactional
public class QuoteService implements QuoteUseCase {

    private final ProductRepository products;
    private final DurationRepository durations;
    private final PricingSettings settings;
    private final PricingEngine engine;

    public QuoteService(ProductRepository products, DurationRepository durations, PricingSettings settings) {
        this.products = products;
        this.durations = durations;
        this.settings = settings;
        this.engine = new PricingEngine(settings.currency());
    }

    @Override
    public Quote quote(Caller caller, QuoteCommand command) {
        AccessPolicy.require(caller, Capability.QUOTE_PRICE);
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
            throw new DomainException(ErrorCode.VALIDATION_FAILED, problems.stream()
                    .map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")), problems);
        }
        Set<UUID> productIds = new HashSet<>();
        Set<UUID> durationIds = new HashSet<>();
        items.forEach(i -> {
            productIds.add(i.productId());
            durationIds.add(i.durationId());
        });
        Map<UUID, Product> productById = products.findAll(productIds).stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
        Map<UUID, Duration> durationById = durations.findAll(durationIds).stream()
                .collect(Collectors.toMap(Duration::id, Function.identity()));

        List<QuotedItem> quoted = new ArrayList<>(items.size());
        List<PricedLine> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            QuoteItem item = items.get(i);
            String at = "items[" + i + "].";
            Product product = productById.get(item.productId());
            if (product == null) {
                throw new DomainException(ErrorCode.PRODUCT_NOT_FOUND, "Product " + item.productId() + " was not found",
                        List.of(new FieldViolation(at + "product_id", "no such product")));
            }
            Duration duration = durationById.get(item.durationId());
            if (duration == null) {
                throw new DomainException(ErrorCode.DURATION_NOT_FOUND, "Duration " + item.durationId() + " was not found",
                        List.of(new FieldViolation(at + "duration_id", "no such duration")));
            }
            if (!product.active()) {
                throw new DomainException(ErrorCode.PRODUCT_INACTIVE, "Product " + product.id() + " (" + product.name()
                        + ") is inactive and cannot be quoted",
                        List.of(new FieldViolation(at + "product_id", "product is inactive")));
            }
            PricedLine line;
            try {
                line = engine.priceLine(product, Quantity.of(item.quantity().intValue()), duration);
            } catch (DomainException e) {
                if (e.code() != ErrorCode.NO_TIER_FOR_QUANTITY) {
                    throw e;
                }
                throw new DomainException(e.code(), e.detail() + " of product " + product.id() + " (" + product.name() + ")",
                        List.of(new FieldViolation(at + "quantity", e.detail())));
            }
            lines.add(line);
            quoted.add(new QuotedItem(product, duration, line));
        }
        PricedDocument document = engine.priceDocument(lines, taxRate);
        return new Quote(quoted, taxRate, document);
    }
}
