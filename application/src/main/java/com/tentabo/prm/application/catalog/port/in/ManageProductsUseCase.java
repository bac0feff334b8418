package com.tentabo.prm.application.catalog.port.in;

import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.id.ProductId;
import java.util.List;

/** Create, change, price and delete products (ADMIN and RESTRICTED_ADMIN); every change is audited. */
public interface ManageProductsUseCase {

    /**
     * The attributes of a product. {@code active} defaults to true and {@code pricingMode} to VOLUME;
     * {@code tiers} (optional on create, ignored on update) are validated like a tier replacement.
     */
    record ProductCommand(
            String name,
            String type,
            String unit,
            String description,
            Boolean active,
            PricingMode pricingMode,
            List<PriceTierSet.Row> tiers) {}

    /** Creates; with an Idempotency-Key, a retry of the same request answers the first record ({@code replayed}). */
    Created<Product> create(Caller caller, ProductCommand command, IdempotencyKey idempotencyKey);

    /** {@code expected}: the version the client read ({@link ExpectedVersion#any()} = unconditional); a stale one is 412. */
    Product update(Caller caller, ProductId id, ProductCommand command, ExpectedVersion expected);

    /** Replaces the whole tier set at once: all tiers valid, or 422 INVALID_PRICE_TIERS and nothing changes. */
    Product replaceTiers(Caller caller, ProductId id, List<PriceTierSet.Row> tiers, ExpectedVersion expected);

    /** 409 PRODUCT_IN_USE when an order refers to it: deactivate it instead. */
    void delete(Caller caller, ProductId id);
}
