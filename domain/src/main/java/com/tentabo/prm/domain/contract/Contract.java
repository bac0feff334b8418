package com.tentabo.prm.domain.contract;

import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderKind;
import com.tentabo.prm.domain.order.OrderStatus;
import com.tentabo.prm.domain.pricing.Money;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A contract: what a fulfilled order became.
 *
 * <p>Invariants:
 * <ul>
 *   <li>activated from exactly one FULFILLED order; its value is the order's total (a {@link Money}, in the order's
 *       currency; a legacy contract stored without a currency holds {@link Money#NO_CURRENCY}), its partner and
 *       distributor are the order's; a contract the replaced system created without an order has none
 *       ({@link #orderId()} null) and cannot be renewed, upgraded or downgraded;</li>
 *   <li>its {@link ContractTerms} are set at activation (the type, {@link ContractType#forActivation}) and never
 *       change;</li>
 *   <li>expires {@code longest item duration} months after activation;</li>
 *   <li>status moves only {@code ACTIVE → EXPIRED} (term over), {@code ACTIVE | EXPIRED → LOST} (churn),
 *       {@code ACTIVE → CANCELLED}, {@code ACTIVE → UPGRADED | DOWNGRADED} (replaced by a new contract);
 *       LOST, CANCELLED, UPGRADED and DOWNGRADED are final.</li>
 * </ul>
 */
public final class Contract {

    private static final Map<ContractStatus, Set<ContractStatus>> TRANSITIONS = new EnumMap<>(ContractStatus.class);

    static {
        TRANSITIONS.put(
                ContractStatus.ACTIVE,
                EnumSet.of(
                        ContractStatus.EXPIRED,
                        ContractStatus.LOST,
                        ContractStatus.CANCELLED,
                        ContractStatus.UPGRADED,
                        ContractStatus.DOWNGRADED));
        TRANSITIONS.put(ContractStatus.EXPIRED, EnumSet.of(ContractStatus.LOST));
        for (ContractStatus finalStatus : EnumSet.of(
                ContractStatus.LOST, ContractStatus.CANCELLED, ContractStatus.UPGRADED, ContractStatus.DOWNGRADED)) {
            TRANSITIONS.put(finalStatus, EnumSet.noneOf(ContractStatus.class));
        }
    }

    private final ContractId id;
    private final String number;
    private final OrderId orderId;
    private final ContractStatus status;
    private final String billingProvider;
    private final UserId userId;
    private final TenantRef tenant;
    private final Instant activationDate;
    private final Instant expirationDate;
    private final ContractId renewedFromId;
    private final Money totalValue;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant cancelledAt;
    private final long version;
    private final BillingInvoices billingInvoices;
    private final ContractTerms terms;

    private Contract(
            ContractId id,
            String number,
            OrderId orderId,
            ContractStatus status,
            String billingProvider,
            UserId userId,
            TenantRef tenant,
            Instant activationDate,
            Instant expirationDate,
            ContractId renewedFromId,
            Money totalValue,
            Instant createdAt,
            Instant updatedAt,
            Instant cancelledAt,
            long version,
            BillingInvoices billingInvoices,
            ContractTerms terms) {
        this.id = Objects.requireNonNull(id, "id");
        this.number = Objects.requireNonNull(number, "number");
        this.orderId = orderId;
        this.status = Objects.requireNonNull(status, "status");
        this.billingProvider = Objects.requireNonNull(billingProvider, "billingProvider");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.tenant = tenant == null ? new TenantRef(null, null) : tenant;
        this.activationDate = Objects.requireNonNull(activationDate, "activationDate");
        this.expirationDate = expirationDate;
        this.renewedFromId = renewedFromId;
        this.totalValue = Objects.requireNonNull(totalValue, "totalValue");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.cancelledAt = cancelledAt;
        this.version = version;
        this.billingInvoices = billingInvoices == null ? BillingInvoices.NONE : billingInvoices;
        this.terms = terms == null ? ContractTerms.NONE : terms;
    }

    /**
     * Activates a FULFILLED order.
     *
     * @param activation      when the contract starts: by default now; for a renewal, the old contract's expiration
     * @param replaced        the contract this one replaces (renewal, upgrade, downgrade), or null; a replacement
     *                        takes the replaced contract's type ({@link ContractType#forActivation})
     * @param billingProvider name of the active billing provider, or {@code "none"} when none is configured
     */
    public static Contract activate(
            ContractId id,
            String number,
            Order order,
            UserId userId,
            Instant activation,
            Replaced replaced,
            String billingProvider,
            Instant now) {
        return activate(id, number, order, order.tenant(), userId, activation, replaced, billingProvider, now);
    }

    /** As {@link #activate(ContractId, String, Order, UserId, Instant, Replaced, String, Instant)}, for the tenant given. */
    public static Contract activate(
            ContractId id,
            String number,
            Order order,
            TenantRef tenant,
            UserId userId,
            Instant activation,
            Replaced replaced,
            String billingProvider,
            Instant now) {
        if (order.status() != OrderStatus.FULFILLED) {
            throw new DomainException(
                    ErrorCode.ORDER_NOT_FULFILLED,
                    "Only a FULFILLED order can become a contract (order " + order.number() + " is " + order.status()
                            + ")");
        }
        Instant expiration = activation
                .atOffset(ZoneOffset.UTC)
                .plusMonths(order.longestDurationMonths())
                .toInstant();
        return new Contract(
                id,
                number,
                order.id(),
                ContractStatus.ACTIVE,
                billingProvider,
                userId,
                tenant,
                activation,
                expiration,
                replaced == null ? null : replaced.id(),
                order.totals().totalAmount(),
                now,
                now,
                null,
                0,
                BillingInvoices.NONE,
                ContractTerms.ofType(ContractType.forActivation(tenant, replaced == null ? null : replaced.type())));
    }

    /** The contract a replacement order replaces: its id and its type (null when it has none). */
    public record Replaced(ContractId id, ContractType type) {
        public static Replaced of(Contract contract) {
            return contract == null
                    ? null
                    : new Replaced(contract.id(), contract.terms().type());
        }
    }

    public static Contract restore(
            ContractId id,
            String number,
            OrderId orderId,
            ContractStatus status,
            String billingProvider,
            UserId userId,
            TenantRef tenant,
            Instant activationDate,
            Instant expirationDate,
            ContractId renewedFromId,
            Money totalValue,
            Instant createdAt,
            Instant updatedAt,
            Instant cancelledAt,
            long version) {
        return restore(
                id,
                number,
                orderId,
                status,
                billingProvider,
                userId,
                tenant,
                activationDate,
                expirationDate,
                renewedFromId,
                totalValue,
                createdAt,
                updatedAt,
                cancelledAt,
                version,
                BillingInvoices.NONE);
    }

    /** A stored contract with the billing provider's invoices as stored ({@link BillingInvoices}). */
    public static Contract restore(
            ContractId id,
            String number,
            OrderId orderId,
            ContractStatus status,
            String billingProvider,
            UserId userId,
            TenantRef tenant,
            Instant activationDate,
            Instant expirationDate,
            ContractId renewedFromId,
            Money totalValue,
            Instant createdAt,
            Instant updatedAt,
            Instant cancelledAt,
            long version,
            BillingInvoices billingInvoices) {
        return restore(
                id,
                number,
                orderId,
                status,
                billingProvider,
                userId,
                tenant,
                activationDate,
                expirationDate,
                renewedFromId,
                totalValue,
                createdAt,
                updatedAt,
                cancelledAt,
                version,
                billingInvoices,
                ContractTerms.NONE);
    }

    /** A stored contract with its invoices and its {@link ContractTerms} as stored; {@code orderId} may be null. */
    public static Contract restore(
            ContractId id,
            String number,
            OrderId orderId,
            ContractStatus status,
            String billingProvider,
            UserId userId,
            TenantRef tenant,
            Instant activationDate,
            Instant expirationDate,
            ContractId renewedFromId,
            Money totalValue,
            Instant createdAt,
            Instant updatedAt,
            Instant cancelledAt,
            long version,
            BillingInvoices billingInvoices,
            ContractTerms terms) {
        return new Contract(
                id,
                number,
                orderId,
                status,
                billingProvider,
                userId,
                tenant,
                activationDate,
                expirationDate,
                renewedFromId,
                totalValue,
                createdAt,
                updatedAt,
                cancelledAt,
                version,
                billingInvoices,
                terms);
    }

    public static boolean canMove(ContractStatus from, ContractStatus to) {
        return TRANSITIONS.get(from).contains(to);
    }

    /** Moves the contract; refuses an illegal move with ILLEGAL_CONTRACT_TRANSITION naming from and to. */
    public Contract transitionTo(ContractStatus to, Instant now) {
        Objects.requireNonNull(to, "to");
        if (!canMove(status, to)) {
            throw new DomainException(
                    ErrorCode.ILLEGAL_CONTRACT_TRANSITION,
                    "A contract cannot move from " + status + " to " + to
                            + (TRANSITIONS.get(status).isEmpty()
                                    ? " (" + status + " is final)"
                                    : " (allowed: " + TRANSITIONS.get(status) + ")"));
        }
        return new Contract(
                id,
                number,
                orderId,
                to,
                billingProvider,
                userId,
                tenant,
                activationDate,
                expirationDate,
                renewedFromId,
                totalValue,
                createdAt,
                now,
                to == ContractStatus.CANCELLED ? now : cancelledAt,
                version,
                billingInvoices,
                terms);
    }

    /** True when the term is over at {@code now} and the contract is still ACTIVE (the daily job expires it). */
    public boolean isDueToExpire(Instant now) {
        return status == ContractStatus.ACTIVE && expirationDate != null && !expirationDate.isAfter(now);
    }

    /** The status the old contract takes when a replacement order of this kind is activated (null: unchanged). */
    public static ContractStatus statusAfterReplacement(OrderKind kind) {
        return switch (kind) {
            case UPGRADE -> ContractStatus.UPGRADED;
            case DOWNGRADE -> ContractStatus.DOWNGRADED;
            case RENEWAL, NEW -> null;
        };
    }

    /** A renewal can be ordered for an ACTIVE or EXPIRED contract that came from an order. */
    public void requireRenewable() {
        if (orderId == null) {
            throw new DomainException(
                    ErrorCode.CONTRACT_NOT_RENEWABLE,
                    "Contract " + number + " was created without an"
                            + " order: it cannot be renewed, upgraded or downgraded from here; place a new order instead");
        }
        if (status != ContractStatus.ACTIVE && status != ContractStatus.EXPIRED) {
            throw new DomainException(
                    ErrorCode.CONTRACT_NOT_RENEWABLE,
                    "Only an ACTIVE or EXPIRED contract can be renewed, upgraded or downgraded (this one is " + status
                            + ")");
        }
    }

    public ContractId id() {
        return id;
    }

    public String number() {
        return number;
    }

    public OrderId orderId() {
        return orderId;
    }

    public ContractStatus status() {
        return status;
    }

    public String billingProvider() {
        return billingProvider;
    }

    public UserId userId() {
        return userId;
    }

    public TenantRef tenant() {
        return tenant;
    }

    public Instant activationDate() {
        return activationDate;
    }

    public Instant expirationDate() {
        return expirationDate;
    }

    public ContractId renewedFromId() {
        return renewedFromId;
    }

    public Money totalValue() {
        return totalValue;
    }
    /** The ISO 4217 code of the value's currency; null for a legacy contract stored without one. */
    public String currencyCode() {
        return totalValue.currencyCode();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public long version() {
        return version;
    }

    public BillingInvoices billingInvoices() {
        return billingInvoices;
    }

    public ContractTerms terms() {
        return terms;
    }
}
