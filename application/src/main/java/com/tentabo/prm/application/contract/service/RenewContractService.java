package com.tentabo.prm.application.contract.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.application.company.service.ActiveAssignments;
import com.tentabo.prm.application.contract.port.in.RenewContractUseCase;
import com.tentabo.prm.application.contract.port.out.ContractRepository;
import com.tentabo.prm.application.identity.service.AuthorLinks;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.order.service.OrderPricing;
import com.tentabo.prm.application.registration.service.ProgrammeTerms;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.IdempotentCreates;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderKind;
import com.tentabo.prm.domain.shared.DocumentNumbers;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renewal, upgrade and downgrade orders of a contract: the contract's partner with the distributor of the partner's
 * active assignment now ({@link ActiveAssignments#current}), items priced afresh.
 */
@ApplicationScoped
@Transactional
public class RenewContractService implements RenewContractUseCase {

    private final ContractRepository contracts;
    private final OrderRepository orders;
    private final OrderPricing pricing;
    private final ActiveAssignments assignments;
    private final ProgrammeTerms programme;
    private final AuthorLinks authors;
    private final IdGenerator ids;
    private final AuditRecorder recorder;
    private final IdempotentCreates idempotency;
    private final Clock clock;

    public RenewContractService(
            ContractRepository contracts,
            OrderRepository orders,
            OrderPricing pricing,
            ActiveAssignments assignments,
            AuthorLinks authors,
            IdGenerator ids,
            AuditRecorder recorder,
            IdempotentCreates idempotency,
            Clock clock,
            ProgrammeTerms programme) {
        this.programme = programme;
        this.contracts = contracts;
        this.orders = orders;
        this.pricing = pricing;
        this.assignments = assignments;
        this.authors = authors;
        this.ids = ids;
        this.recorder = recorder;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public Created<Order> renew(RenewContractCommand command) {
        Contract contract = contracts
                .findById(command.contractId())
                .orElseThrow(
                        () -> DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND, "Contract", command.contractId()));
        AccessPolicy.requireInScope(
                command.caller(), contract.tenant(), ErrorCode.CONTRACT_NOT_FOUND, "Contract", contract.id());
        AccessPolicy.require(command.caller(), Capability.CONTRACTS_LIFECYCLE);
        OrderKind kind = command.kind() == null ? OrderKind.RENEWAL : command.kind();
        if (kind == OrderKind.NEW) {
            throw DomainException.invalid("kind", "must be renewal, upgrade or downgrade");
        }
        OrderId id = new OrderId(ids.newId());
        return idempotency.create(
                command.caller(),
                "renew-contract",
                command.idempotencyKey(),
                id.value(),
                existing -> orders.findById(new OrderId(existing))
                        .orElseThrow(() -> DomainException.notFound(ErrorCode.ORDER_NOT_FOUND, "Order", existing)),
                () -> renew(command, contract, kind, id));
    }

    private Order renew(RenewContractCommand command, Contract contract, OrderKind kind, OrderId id) {
        contract.requireRenewable();
        if (kind != OrderKind.RENEWAL && contract.status() != ContractStatus.ACTIVE) {
            throw new DomainException(
                    ErrorCode.CONTRACT_NOT_RENEWABLE,
                    "Only an ACTIVE contract can be upgraded or downgraded (this one is " + contract.status() + ")");
        }
        Order original = orders.findById(contract.orderId())
                .orElseThrow(() -> DomainException.notFound(ErrorCode.ORDER_NOT_FOUND, "Order", contract.orderId()));
        List<QuoteUseCase.QuoteItem> items = command.items();
        if (items == null) {
            if (kind != OrderKind.RENEWAL) {
                throw DomainException.invalid("items", "an upgrade or downgrade names its new items");
            }
            items = original.items().stream()
                    .map(i -> new QuoteUseCase.QuoteItem(i.productId(), (long) i.quantity(), i.durationId()))
                    .toList();
        }
        OrderPricing.Priced priced = pricing.price(
                command.caller(),
                items,
                command.taxRate() != null ? command.taxRate() : original.taxRate(),
                programme.levelDiscount(contract.tenant().partnerId()));
        Instant now = clock.instant();
        String number = DocumentNumbers.order(now.atZone(ZoneOffset.UTC).toLocalDate(), orders.nextNumber());
        Order order = Order.create(
                id,
                number,
                kind,
                contract.id(),
                assignments.current(contract.tenant()),
                original.leadId(),
                authors.authorOf(command.caller()),
                priced.currency(),
                priced.taxRate(),
                priced.items(),
                now);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("order_number", order.number());
        fields.put("kind", kind.name());
        fields.put("replaces_contract_id", contract.id().toString());
        fields.put("total_amount", order.totals().totalAmount().amount());
        orders.insert(
                order,
                recorder.entry(
                        command.caller(),
                        new AuditChange("create", "order", order.id().value(), Changes.created(fields)),
                        now));
        return order;
    }
}
