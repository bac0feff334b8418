package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.catalog.TierPeriod;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.company.CompanyProfile;
import com.tentabo.prm.domain.id.AuditLogId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.LeadHistoryId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.OrderItemId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadDetails;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderItem;
import com.tentabo.prm.domain.order.OrderKind;
import com.tentabo.prm.domain.order.OrderStatus;
import com.tentabo.prm.domain.pricing.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Test-data builders of the aggregates the fakes and the contract tests store:
 * {@code anOrder().by(user).forPartner(p).item(product, duration, 3, "100").createdAt(t).sent(t2).build()}.
 * Every name and registration number is unique, so that tests sharing a database never collide.
 */
public final class TestRecords {

    private TestRecords() {}

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static CompanyProfile profile(String name) {
        return new CompanyProfile(
                name,
                null,
                "R-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(java.util.Locale.ROOT),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public static Company<PartnerId> aPartner(Instant at) {
        return Company.register(new PartnerId(UUID.randomUUID()), profile(unique("Partner")), true, at);
    }

    public static Company<DistributorId> aDistributor(Instant at) {
        return Company.register(new DistributorId(UUID.randomUUID()), profile(unique("Distributor")), true, at);
    }

    /** A volume-priced product: one open tier at {@code price} a month. */
    public static Product aProduct(String price, Instant at) {
        return new Product(
                new ProductId(UUID.randomUUID()),
                unique("Product"),
                "service",
                "seat",
                null,
                true,
                PricingMode.VOLUME,
                PriceTierSet.validated(List.of(new PriceTier(1, null, new BigDecimal(price), TierPeriod.MONTH))),
                at,
                at);
    }

    /** A duration of a number of months no other test uses (1000 and more), no discount. */
    public static Duration aDuration(int months, Instant at) {
        return new Duration(
                new DurationId(UUID.randomUUID()), months, new BigDecimal("0.00"), months + " months", at, at);
    }

    public static LeadDetails leadDetails(String title) {
        return new LeadDetails(
                title, "Acme", "Ada Lovelace", "ada@example.com", null, new BigDecimal("1200.00"), "EUR", 40, null);
    }

    public static Lead aLead(UUID owner, TenantRef tenant, Instant at) {
        return Lead.create(
                        new LeadId(UUID.randomUUID()),
                        new LeadHistoryId(UUID.randomUUID()),
                        leadDetails(unique("Lead")),
                        new UserId(owner),
                        tenant,
                        new UserId(owner),
                        at)
                .lead();
    }

    /** The audit row that records an order's creation, written with it by {@code OrderRepository.insert}. */
    public static AuditEntry creationOf(Order order) {
        return new AuditEntry(
                new AuditLogId(UUID.randomUUID()),
                null,
                null,
                "create",
                "order",
                order.id().value(),
                (List<AuditChange.Field>) null,
                null,
                null,
                order.createdAt());
    }

    public static OrderBuilder anOrder() {
        return new OrderBuilder();
    }

    /** Builds an {@link Order}: CREATED at {@link #createdAt}, then moved along the statuses asked for. */
    public static final class OrderBuilder {
        private UUID id = UUID.randomUUID();
        private String number = "ORD-" + UUID.randomUUID().toString().substring(0, 8);
        private TenantRef tenant = new TenantRef(null, null);
        private UUID createdBy = UUID.randomUUID();
        private UUID leadId;
        private Instant createdAt = Instant.parse("2026-03-02T09:00:00Z");
        private final List<OrderItem> items = new ArrayList<>();
        private final List<OrderStatus> moves = new ArrayList<>();
        private final List<Instant> movedAt = new ArrayList<>();

        public OrderBuilder id(UUID value) {
            this.id = value;
            return this;
        }

        public OrderBuilder number(String value) {
            this.number = value;
            return this;
        }

        public OrderBuilder forPartner(PartnerId partnerId) {
            this.tenant = new TenantRef(partnerId, tenant.distributorId());
            return this;
        }

        public OrderBuilder forDistributor(DistributorId distributorId) {
            this.tenant = new TenantRef(tenant.partnerId(), distributorId);
            return this;
        }

        public OrderBuilder by(UUID userId) {
            this.createdBy = userId;
            return this;
        }

        public OrderBuilder lead(UUID value) {
            this.leadId = value;
            return this;
        }

        public OrderBuilder createdAt(Instant at) {
            this.createdAt = at;
            return this;
        }

        /** A line of {@code quantity} units at {@code unitPrice} for the whole term, no discount. */
        public OrderBuilder item(UUID productId, UUID durationId, int quantity, String unitPrice) {
            BigDecimal price = new BigDecimal(unitPrice).setScale(4);
            BigDecimal total =
                    price.multiply(BigDecimal.valueOf(quantity)).setScale(2, java.math.RoundingMode.HALF_EVEN);
            Currency eur = Money.currency("EUR");
            items.add(new OrderItem(
                    new OrderItemId(UUID.randomUUID()),
                    new ProductId(productId),
                    new DurationId(durationId),
                    quantity,
                    price,
                    BigDecimal.ZERO,
                    new Money(total, eur),
                    Money.zero(eur),
                    new Money(total, eur),
                    "Product",
                    "service",
                    "seat",
                    12,
                    List.of()));
            return this;
        }

        public OrderBuilder sent(Instant at) {
            return moved(OrderStatus.SENT, at);
        }

        public OrderBuilder fulfilled(Instant at) {
            return moved(OrderStatus.SENT, at)
                    .moved(OrderStatus.IN_FULFILLMENT, at)
                    .moved(OrderStatus.FULFILLED, at);
        }

        public OrderBuilder moved(OrderStatus to, Instant at) {
            moves.add(to);
            movedAt.add(at);
            return this;
        }

        public Order build() {
            if (items.isEmpty()) {
                item(UUID.randomUUID(), UUID.randomUUID(), 1, "100");
            }
            Order order = Order.create(
                    new OrderId(id),
                    number,
                    OrderKind.NEW,
                    null,
                    tenant,
                    LeadId.ofNullable(leadId),
                    new UserId(createdBy),
                    Money.currency("EUR"),
                    new BigDecimal("20.00"),
                    items,
                    createdAt);
            for (int i = 0; i < moves.size(); i++) {
                order = order.transitionTo(moves.get(i), movedAt.get(i));
            }
            return order;
        }
    }
}
