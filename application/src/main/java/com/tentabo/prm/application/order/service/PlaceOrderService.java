package com.tentabo.prm.application.order.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.catalog.PricingSettings;
import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.application.catalog.service.QuotePricer;
import com.tentabo.prm.application.company.service.ActiveAssignments;
import com.tentabo.prm.application.identity.service.AuthorLinks;
import com.tentabo.prm.application.order.port.in.PlaceOrderUseCase;
import com.tentabo.prm.application.order.port.out.OrderPlacementDirectory;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.registration.service.ProgrammeTerms;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.IdempotentCreates;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderAccess;
import com.tentabo.prm.domain.order.OrderItem;
import com.tentabo.prm.domain.order.OrderKind;
import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.pricing.ProgrammeDiscount;
import com.tentabo.prm.domain.shared.DocumentNumbers;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Places orders: items priced by the catalog engine and snapshotted, totals derived (never taken from the client),
 * the tenant stamped from a PARTNER caller, a number from the database sequence, one audit row. Creating reads the
 * catalog rows, the companies and the number in one round trip ({@link OrderPlacementDirectory}) and writes the order
 * with its items in one statement: it is the busiest write of the API.
 */
@ApplicationScoped
@Transactional
public class PlaceOrderService implements PlaceOrderUseCase {

    static final String OPERATION = "create-order";
    private final OrderRepository orders;
    private final OrderPricing pricing;
    private final LeadLinks leads;
    private final ActiveAssignments assignments;
    private final OrderPlacementDirectory placement;
    private final IdempotentCreates idempotency;
    private final AuditRecorder audit;
    private final AuthorLinks authors;
    private final PricingSettings settings;
    private final IdGenerator ids;
    private final Clock clock;
    private final ProgrammeTerms programme;

    public PlaceOrderService(
            OrderRepository orders,
            OrderPricing pricing,
            LeadLinks leads,
            ActiveAssignments assignments,
            OrderPlacementDirectory placement,
            IdempotentCreates idempotency,
            AuditRecorder audit,
            AuthorLinks authors,
            PricingSettings settings,
            IdGenerator ids,
            Clock clock,
            ProgrammeTerms programme) {
        this.programme = programme;
        this.orders = orders;
        this.pricing = pricing;
        this.leads = leads;
        this.assignments = assignments;
        this.placement = placement;
        this.idempotency = idempotency;
        this.audit = audit;
        this.authors = authors;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Created<Order> create(CreateOrderCommand command) {
        return create(command, null);
    }

    /** @param leadTenant for a converted lead: the lead's partner with the distributor of its active assignment now */
    private Created<Order> create(CreateOrderCommand command, TenantRef leadTenant) {
        Caller caller = command.caller();
        AccessPolicy.require(caller, Capability.ORDERS_WRITE);
        OrderId orderId = new OrderId(ids.newId());
        IdempotencyKey key = IdempotencyKey.of(command.idempotencyKey(), () -> hash(command));
        return idempotency.create(
                caller,
                OPERATION,
                key,
                orderId.value(),
                id -> {
                    Order first = orders.findById(new OrderId(id))
                            .orElseThrow(() -> DomainException.notFound(ErrorCode.ORDER_NOT_FOUND, "Order", id));
                    OrderAccess.requireVisible(caller, first);
                    return first;
                },
                () -> priceAndPlace(command, leadTenant, orderId));
    }

    /** Checks, reads and prices in the order of docs/orders-and-contracts.md, then inserts the order. */
    private Order priceAndPlace(CreateOrderCommand command, TenantRef leadTenant, OrderId orderId) {
        Caller caller = command.caller();
        TenantRef tenant = leadTenant != null
                ? leadTenant
                : AccessPolicy.stampTenant(caller, new TenantRef(command.partnerId(), command.distributorId()));
        Currency currency = currency(command.currency());
        List<QuoteUseCase.QuoteItem> items = command.items();
        OrderPricing.requireMaySetTaxRate(caller, command.taxRate());
        Percentage taxRate = pricing.validate(caller, items, command.taxRate());
        com.tentabo.prm.domain.lead.Lead lead =
                command.leadId() == null ? null : leads.requireWonLead(caller, command.leadId(), tenant);
        LeadId leadId = lead == null ? null : lead.id();
        OrderPlacementDirectory.Facts facts =
                placement.read(tenant, QuotePricer.productIds(items), QuotePricer.durationIds(items));
        requireCompaniesExist(tenant, facts);
        if (tenant.partnerId() != null && tenant.distributorId() != null && !facts.assignmentActive()) {
            throw ActiveAssignments.notActive(tenant);
        }
        ProgrammeTerms.Terms terms = programme.forOrder(tenant, leadId, facts.partnerLevel(), clock.instant());
        OrderPricing.Priced priced = pricing.price(items, taxRate, facts.catalog(), terms.discount());
        Order order = place(caller, orderId, tenant, leadId, currency, priced, facts.orderNumber());
        programme.afterOrderPlaced(caller, order.id(), tenant, lead, terms, order.createdAt());
        return order;
    }

    @Override
    public Created<Order> convertLead(ConvertLeadCommand command) {
        Caller caller = command.caller();
        AccessPolicy.require(caller, Capability.ORDERS_WRITE);
        var lead = leads.requireWonLead(caller, command.leadId(), null);
        TenantRef tenant = assignments.current(lead.tenant());
        return create(
                new CreateOrderCommand(
                        caller,
                        tenant.partnerId(),
                        tenant.distributorId(),
                        lead.id(),
                        command.taxRate(),
                        null,
                        command.items(),
                        command.idempotencyKey()),
                tenant);
    }

    private Order place(
            Caller caller,
            OrderId orderId,
            TenantRef tenant,
            LeadId leadId,
            Currency currency,
            OrderPricing.Priced priced,
            long sequenceValue) {
        Instant now = clock.instant();
        String number = DocumentNumbers.order(now.atZone(ZoneOffset.UTC).toLocalDate(), sequenceValue);
        Order order = Order.create(
                orderId,
                number,
                OrderKind.NEW,
                null,
                tenant,
                leadId,
                authors.authorOf(caller),
                currency,
                priced.taxRate(),
                priced.items(),
                now);
        orders.insert(
                order,
                audit.entry(caller, AuditChange.created("order", order.id().value(), summary(order)), now));
        return order;
    }

    @Override
    public Order updateItems(UpdateItemsCommand command) {
        Caller caller = command.caller();
        Order order = orders.findById(command.orderId())
                .orElseThrow(() -> DomainException.notFound(ErrorCode.ORDER_NOT_FOUND, "Order", command.orderId()));
        OrderAccess.requireVisible(caller, order);
        AccessPolicy.require(caller, Capability.ORDERS_WRITE);
        if (!command.expectedVersion().matches(order.version())) {
            throw new DomainException(ErrorCode.PRECONDITION_FAILED, "The order changed since you read it");
        }
        if (command.items() == null && command.taxRate() == null) {
            throw DomainException.invalid("items", "give items and/or tax_rate to change");
        }
        OrderPricing.requireMaySetTaxRate(caller, command.taxRate());
        List<QuoteUseCase.QuoteItem> items = command.items() != null
                ? command.items()
                : order.items().stream()
                        .map(i -> new QuoteUseCase.QuoteItem(i.productId(), (long) i.quantity(), i.durationId()))
                        .toList();
        if (order.status() != com.tentabo.prm.domain.order.OrderStatus.CREATED) {
            order.reprice(order.items(), null, clock.instant()); // refuses with ORDER_NOT_EDITABLE
        }
        BigDecimal rate = command.taxRate() != null ? command.taxRate() : order.taxRate();
        // the order keeps the programme terms it was placed with (level discount and registration bonus)
        OrderPricing.Priced priced = pricing.price(
                caller,
                items,
                rate,
                order.items().isEmpty()
                        ? ProgrammeDiscount.NONE
                        : order.items().get(0).programme());
        Instant now = clock.instant();
        Order repriced = order.reprice(priced.items(), priced.taxRate(), now);
        orders.update(repriced);
        audit.record(
                caller,
                AuditChange.changed("update", "order", order.id().value(), summary(order), summary(repriced)),
                now);
        return orders.findById(order.id()).orElseThrow();
    }

    private static void requireCompaniesExist(TenantRef tenant, OrderPlacementDirectory.Facts facts) {
        if (tenant.partnerId() != null && !facts.partnerExists()) {
            throw new DomainException(
                    ErrorCode.PARTNER_NOT_FOUND,
                    "Partner " + tenant.partnerId() + " was not found",
                    List.of(new com.tentabo.prm.domain.shared.FieldViolation("partner_id", "no such partner")));
        }
        if (tenant.distributorId() != null && !facts.distributorExists()) {
            throw new DomainException(
                    ErrorCode.DISTRIBUTOR_NOT_FOUND,
                    "Distributor " + tenant.distributorId() + " was not found",
                    List.of(new com.tentabo.prm.domain.shared.FieldViolation("distributor_id", "no such distributor")));
        }
    }

    private Currency currency(String requested) {
        Currency catalog = settings.currency();
        if (requested != null && !requested.equalsIgnoreCase(catalog.getCurrencyCode())) {
            throw DomainException.invalid("currency", "prices are in " + catalog + "; orders are placed in " + catalog);
        }
        return catalog;
    }

    static Map<String, Object> summary(Order order) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("order_number", order.number());
        fields.put("status", order.status().name());
        fields.put(
                "partner_id",
                order.tenant().partnerId() == null
                        ? null
                        : order.tenant().partnerId().toString());
        fields.put(
                "distributor_id",
                order.tenant().distributorId() == null
                        ? null
                        : order.tenant().distributorId().toString());
        fields.put("lead_id", order.leadId() == null ? null : order.leadId().toString());
        fields.put("currency", order.currency().getCurrencyCode());
        fields.put("tax_rate", order.taxRate());
        fields.put(
                "items",
                order.items().stream().map(OrderItem::quantity).toList().size());
        fields.put("subtotal", order.totals().subtotal().amount());
        fields.put("discount_amount", order.totals().discountAmount().amount());
        fields.put("tax_amount", order.totals().taxAmount().amount());
        fields.put("total_amount", order.totals().totalAmount().amount());
        return fields;
    }

    private static String hash(CreateOrderCommand c) {
        StringBuilder canonical = new StringBuilder()
                .append(c.partnerId())
                .append('|')
                .append(c.distributorId())
                .append('|')
                .append(c.leadId())
                .append('|')
                .append(
                        c.taxRate() == null
                                ? null
                                : c.taxRate().stripTrailingZeros().toPlainString())
                .append('|')
                .append(c.currency() == null ? null : c.currency().toUpperCase(java.util.Locale.ROOT));
        if (c.items() != null) {
            for (QuoteUseCase.QuoteItem item : c.items()) {
                canonical
                        .append('|')
                        .append(
                                item == null
                                        ? "null"
                                        : item.productId() + ":" + item.durationId() + ":"
                                                + Objects.toString(item.quantity()));
            }
        }
        return IdempotencyKey.hash(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }
}
