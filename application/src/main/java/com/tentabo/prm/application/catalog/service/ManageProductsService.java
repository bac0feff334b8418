package com.tentabo.prm.application.catalog.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.catalog.port.in.ManageProductsUseCase;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.IdempotentCreates;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

@ApplicationScoped
@Transactional
public class ManageProductsService implements ManageProductsUseCase {

    private final ProductRepository products;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final IdempotentCreates idempotency;
    private final Clock clock;

    public ManageProductsService(
            ProductRepository products,
            AuditRecorder audit,
            IdGenerator ids,
            IdempotentCreates idempotency,
            Clock clock) {
        this.products = products;
        this.audit = audit;
        this.ids = ids;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public Created<Product> create(Caller caller, ProductCommand command, IdempotencyKey idempotencyKey) {
        AccessPolicy.require(caller, Capability.CATALOG_WRITE);
        ProductId id = new ProductId(ids.newId());
        return idempotency.create(
                caller, "create-product", idempotencyKey, id.value(), stored -> existing(new ProductId(stored)), () -> {
                    Instant now = now();
                    PriceTierSet tiers =
                            command.tiers() == null ? PriceTierSet.empty() : PriceTierSet.fromRows(command.tiers());
                    Product product = new Product(
                            id,
                            command.name(),
                            command.type(),
                            command.unit(),
                            command.description(),
                            command.active() == null || command.active(),
                            command.pricingMode(),
                            tiers,
                            now,
                            now);
                    requireFreeName(product.name(), product.id());
                    products.save(product);
                    audit.record(
                            caller,
                            AuditChange.created("product", product.id().value(), CatalogAudit.fields(product)),
                            now);
                    return product;
                });
    }

    @Override
    public Product update(Caller caller, ProductId id, ProductCommand command, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.CATALOG_WRITE);
        Product before = existing(id);
        expected.requireMatch(before.updatedAt());
        Product after = before.withDetails(
                command.name(),
                command.type(),
                command.unit(),
                command.description(),
                command.active() == null ? before.active() : command.active(),
                command.pricingMode() == null ? before.pricingMode() : command.pricingMode(),
                now());
        if (command.tiers() != null) {
            after = after.withTiers(PriceTierSet.fromRows(command.tiers()), after.updatedAt());
        }
        requireFreeName(after.name(), id);
        return record(caller, before, after, "update");
    }

    @Override
    public Product replaceTiers(Caller caller, ProductId id, List<PriceTierSet.Row> rows, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.CATALOG_WRITE);
        Product before = existing(id);
        expected.requireMatch(before.updatedAt());
        Product after = before.withTiers(PriceTierSet.fromRows(rows), now());
        return record(caller, before, after, "replace_price_tiers");
    }

    @Override
    public void delete(Caller caller, ProductId id) {
        AccessPolicy.require(caller, Capability.CATALOG_WRITE);
        Product before = existing(id);
        if (products.isOrdered(id)) {
            throw new DomainException(
                    ErrorCode.PRODUCT_IN_USE,
                    "Product " + id + " (" + before.name()
                            + ") is referenced by orders and cannot be deleted; deactivate it instead (is_active = false)");
        }
        products.delete(id);
        audit.record(caller, AuditChange.deleted("product", id.value(), CatalogAudit.fields(before)), now());
    }

    private Product record(Caller caller, Product before, Product after, String action) {
        AuditChange change = AuditChange.changed(
                action, "product", after.id().value(), CatalogAudit.fields(before), CatalogAudit.fields(after));
        if (change.isEmpty()) {
            return before;
        }
        products.save(after);
        audit.record(caller, change, after.updatedAt());
        return after;
    }

    private Product existing(ProductId id) {
        return products.findByIdForUpdate(id)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.PRODUCT_NOT_FOUND, "Product", id));
    }

    private void requireFreeName(String name, ProductId id) {
        if (products.nameTaken(name, id)) {
            throw new DomainException(
                    ErrorCode.DUPLICATE_VALUE,
                    "A product named '" + name + "' already exists",
                    List.of(new FieldViolation("name", "is already used by another product")));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
