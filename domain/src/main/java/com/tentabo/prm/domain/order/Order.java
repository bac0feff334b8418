package com.tentabo.prm.domain.order;

import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.CompanyId;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An order: priced items that go out as a quote, are fulfilled and become a contract.
 *
 * <p>Invariants:
 * <ul>
 *   <li>status moves only along {@code CREATED → SENT → IN_FULFILLMENT → FULFILLED} and
 *       {@code CREATED | SENT | IN_FULFILLMENT → CANCELLED}; nothing leaves FULFILLED or CANCELLED;</li>
 *   <li>{@code sent_at}, {@code fulfilled_at}, {@code cancelled_at} are set by their transition, never by hand;</li>
 *   <li>items change only while CREATED; the totals are always derived from the items and the tax rate;</li>
 *   <li>an order has at least one item; its currency is an ISO 4217 currency, the one of every amount of its items
 *       and totals; the tax rate is within 0–100.</li>
 * </ul>
 */
public final class Order {

    private static final Map<OrderStatus, Set<OrderStatus>> TRANSITIONS = new EnumMap<>(OrderStatus.class);

    static {
        TRANSITIONS.put(OrderStatus.CREATED, EnumSet.of(OrderStatus.SENT, OrderStatus.CANCELLED));
        TRANSITIONS.put(OrderStatus.SENT, EnumSet.of(OrderStatus.IN_FULFILLMENT, OrderStatus.CANCELLED));
        TRANSITIONS.put(OrderStatus.IN_FULFILLMENT, EnumSet.of(OrderStatus.FULFILLED, OrderStatus.CANCELLED));
        TRANSITIONS.put(OrderStatus.FULFILLED, EnumSet.noneOf(OrderStatus.class));
        TRANSITIONS.put(OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class));
    }

    private final OrderId id;
    private final String number;
    private final OrderStatus status;
    private final OrderKind kind;
    private final ContractId replacesContractId;
    private final TenantRef tenant;
    private final LeadId leadId;
    private final UserId createdBy;
    private final Currency currency;
    private final BigDecimal taxRate;
    private final List<OrderItem> items;
    private final OrderTotals totals;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant sentAt;
    private final Instant fulfilledAt;
    private final Instant cancelledAt;
    private final long version;
    private final ProviderRefs providerRefs;

    private Order(
            OrderId id,
            String number,
            OrderStatus status,
            OrderKind kind,
            ContractId replacesContractId,
            TenantRef tenant,
            LeadId leadId,
            UserId createdBy,
            Currency currency,
            BigDecimal taxRate,
            List<OrderItem> items,
            OrderTotals totals,
            Instant createdAt,
            Instant updatedAt,
            Instant sentAt,
            Instant fulfilledAt,
            Instant cancelledAt,
            long version,
            ProviderRefs providerRefs) {
        this.id = Objects.requireNonNull(id, "id");
        this.number = Objects.requireNonNull(number, "number");
        this.status = Objects.requireNonNull(status, "status");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.replacesContractId = replacesContractId;
        this.tenant = tenant == null ? new TenantRef(null, null) : tenant;
        this.leadId = leadId;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.taxRate = Objects.requireNonNull(taxRate, "taxRate");
        this.items = List.copyOf(items);
        this.totals = Objects.requireNonNull(totals, "totals");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.sentAt = sentAt;
        this.fulfilledAt = fulfilledAt;
        this.cancelledAt = cancelledAt;
        this.version = version;
        this.providerRefs = providerRefs == null ? ProviderRefs.NONE : providerRefs;
    }

    /** A new order in CREATED, its totals derived from the items. */
    public static Order create(
            OrderId id,
            String number,
            OrderKind kind,
            ContractId replacesContractId,
            TenantRef tenant,
            LeadId leadId,
            UserId createdBy,
            Currency currency,
            BigDecimal taxRate,
            List<OrderItem> items,
            Instant now) {
        if (kind.replacesContract() && replacesContractId == null) {
            throw new IllegalArgumentException("a " + kind + " order names the contract it replaces");
        }
        BigDecimal rate = validTaxRate(taxRate);
        requireItems(items, currency);
        return new Order(
                id,
                number,
                OrderStatus.CREATED,
                kind,
                replacesContractId,
                tenant,
                leadId,
                createdBy,
                currency,
                rate,
                items,
                totals(items, rate, currency),
                now,
                now,
                null,
                null,
                null,
                0,
                ProviderRefs.NONE);
    }

    /** Rebuilds an order read from storage (no rule is re-applied to legacy rows but the basic shape). */
    public static Order restore(
            OrderId id,
            String number,
            OrderStatus status,
            OrderKind kind,
            ContractId replacesContractId,
            TenantRef tenant,
            LeadId leadId,
            UserId createdBy,
            Currency currency,
            BigDecimal taxRate,
            List<OrderItem> items,
            OrderTotals totals,
            Instant createdAt,
            Instant updatedAt,
            Instant sentAt,
            Instant fulfilledAt,
            Instant cancelledAt,
            long version,
            ProviderRefs providerRefs) {
        return new Order(
                id,
                number,
                status,
                kind,
                replacesContractId,
                tenant,
                leadId,
                createdBy,
                currency,
                taxRate,
                items,
                totals,
                createdAt,
                updatedAt,
                sentAt,
                fulfilledAt,
                cancelledAt,
                version,
                providerRefs);
    }

    public static boolean canMove(OrderStatus from, OrderStatus to) {
        return TRANSITIONS.get(from).contains(to);
    }

    public static Set<OrderStatus> targetsFrom(OrderStatus from) {
        return Set.copyOf(TRANSITIONS.get(from));
    }

    /** Moves the order; refuses an illegal move with ILLEGAL_ORDER_TRANSITION naming from and to. */
    public Order transitionTo(OrderStatus to, Instant now) {
        Objects.requireNonNull(to, "to");
        if (!canMove(status, to)) {
            throw new DomainException(
                    ErrorCode.ILLEGAL_ORDER_TRANSITION,
                    "An order cannot move from " + status + " to " + to
                            + (TRANSITIONS.get(status).isEmpty()
                                    ? " (" + status + " is final)"
                                    : " (allowed: " + TRANSITIONS.get(status) + ")"));
        }
        return new Order(
                id,
                number,
                to,
                kind,
                replacesContractId,
                tenant,
                leadId,
                createdBy,
                currency,
                taxRate,
                items,
                totals,
                createdAt,
                now,
                to == OrderStatus.SENT ? now : sentAt,
                to == OrderStatus.FULFILLED ? now : fulfilledAt,
                to == OrderStatus.CANCELLED ? now : cancelledAt,
                version,
                providerRefs);
    }

    /** Replaces the items (and optionally the tax rate) while CREATED; totals are recomputed. */
    public Order reprice(List<OrderItem> newItems, BigDecimal newTaxRate, Instant now) {
        if (status != OrderStatus.CREATED) {
            throw new DomainException(
                    ErrorCode.ORDER_NOT_EDITABLE,
                    "Items can only be changed while the order is CREATED (it is " + status + ")");
        }
        requireItems(newItems, currency);
        BigDecimal rate = validTaxRate(newTaxRate == null ? taxRate : newTaxRate);
        return new Order(
                id,
                number,
                status,
                kind,
                replacesContractId,
                tenant,
                leadId,
                createdBy,
                currency,
                rate,
                newItems,
                totals(newItems, rate, currency),
                createdAt,
                now,
                sentAt,
                fulfilledAt,
                cancelledAt,
                version,
                providerRefs);
    }

    /** The longest duration among the items, in months: a contract activated from this order lasts that long. */
    public int longestDurationMonths() {
        return items.stream().mapToInt(OrderItem::durationMonths).max().orElse(0);
    }

    private static void requireItems(List<OrderItem> items, Currency currency) {
        if (items == null || items.isEmpty()) {
            throw DomainException.invalid("items", "an order needs at least one item");
        }
        for (OrderItem item : items) {
            if (!item.total().currency().equals(currency)) {
                throw new DomainException(
                        ErrorCode.BUSINESS_RULE_VIOLATED,
                        "An order is priced in one currency: " + currency.getCurrencyCode() + ", not "
                                + item.total().currency().getCurrencyCode());
            }
        }
    }

    private static BigDecimal validTaxRate(BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw DomainException.invalid("tax_rate", "must be between 0 and 100");
        }
        if (rate.stripTrailingZeros().scale() > 2) {
            throw DomainException.invalid("tax_rate", "at most 2 decimals");
        }
        return rate.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static OrderTotals totals(List<OrderItem> items, BigDecimal rate, Currency currency) {
        return OrderTotals.of(items, new Percentage(rate), currency);
    }

    /**
     * The company a quote of this order is addressed to: its partner (the end customer), or its distributor when the
     * order has no partner; empty when it has neither. The id's type tells which ({@link PartnerId} or
     * {@link DistributorId}).
     */
    public Optional<CompanyId> addresseeId() {
        if (tenant.partnerId() != null) {
            return Optional.of(tenant.partnerId());
        }
        return Optional.ofNullable(tenant.distributorId());
    }

    public OrderId id() {
        return id;
    }

    public String number() {
        return number;
    }

    public OrderStatus status() {
        return status;
    }

    public OrderKind kind() {
        return kind;
    }

    public ContractId replacesContractId() {
        return replacesContractId;
    }

    public TenantRef tenant() {
        return tenant;
    }

    public LeadId leadId() {
        return leadId;
    }

    public UserId createdBy() {
        return createdBy;
    }

    public Currency currency() {
        return currency;
    }

    public BigDecimal taxRate() {
        return taxRate;
    }

    public List<OrderItem> items() {
        return items;
    }

    public OrderTotals totals() {
        return totals;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant fulfilledAt() {
        return fulfilledAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public long version() {
        return version;
    }

    public ProviderRefs providerRefs() {
        return providerRefs;
    }
}
