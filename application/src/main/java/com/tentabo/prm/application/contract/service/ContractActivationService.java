package com.tentabo.prm.application.contract.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.company.service.ActiveAssignments;
import com.tentabo.prm.application.contract.port.in.ActivateContractUseCase;
import com.tentabo.prm.application.contract.port.out.ContractRepository;
import com.tentabo.prm.application.identity.service.AuthorLinks;
import com.tentabo.prm.application.notification.NotificationEvents;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.provider.port.out.BillingCustomerRepository;
import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderAccess;
import com.tentabo.prm.domain.order.OrderKind;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DocumentNumbers;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Activates a FULFILLED order into exactly one ACTIVE contract, of the order's partner with the distributor of the
 * partner's active assignment at activation ({@link ActiveAssignments#current}). For a replacement order, links the new contract to
 * the old one ({@code renewed_from_id}): a renewal starts at the old contract's expiration date and leaves the old one
 * to expire at the end of its term; an upgrade or downgrade starts now and moves the old contract to UPGRADED or
 * DOWNGRADED at once.
 */
@ApplicationScoped
@Transactional
public class ContractActivationService implements ActivateContractUseCase {

    static final String NO_BILLING_PROVIDER = "none";
    private final OrderRepository orders;
    private final ContractRepository contracts;
    private final ProviderConfigDirectory providers;
    private final ActiveAssignments assignments;
    private final AuditRecorder audit;
    private final AuthorLinks authors;
    private final BillingCustomerRepository billingCustomers;
    private final IdGenerator ids;
    private final Clock clock;
    private final Notifier notifier;

    public ContractActivationService(
            OrderRepository orders,
            ContractRepository contracts,
            ProviderConfigDirectory providers,
            ActiveAssignments assignments,
            AuditRecorder audit,
            AuthorLinks authors,
            BillingCustomerRepository billingCustomers,
            IdGenerator ids,
            Clock clock,
            Notifier notifier) {
        this.notifier = notifier;
        this.billingCustomers = billingCustomers;
        this.orders = orders;
        this.contracts = contracts;
        this.providers = providers;
        this.assignments = assignments;
        this.audit = audit;
        this.authors = authors;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Contract activate(ActivateContractCommand command) {
        Order order = orders.findById(command.orderId())
                .orElseThrow(() -> DomainException.notFound(ErrorCode.ORDER_NOT_FOUND, "Order", command.orderId()));
        OrderAccess.requireVisible(command.caller(), order);
        AccessPolicy.require(command.caller(), Capability.CONTRACTS_ACTIVATE);
        contracts.findByOrderId(order.id()).ifPresent(existing -> {
            throw new DomainException(
                    ErrorCode.CONTRACT_ALREADY_ACTIVATED,
                    "Order " + order.number() + " is already contract " + existing.number());
        });
        Instant now = clock.instant();
        Contract old = null;
        Instant activation = command.activationDate() != null ? command.activationDate() : now;
        if (order.kind().replacesContract()) {
            old = contracts
                    .findById(order.replacesContractId())
                    .orElseThrow(() -> DomainException.notFound(
                            ErrorCode.CONTRACT_NOT_FOUND, "Contract", order.replacesContractId()));
            if (order.kind() == OrderKind.RENEWAL && command.activationDate() == null && old.expirationDate() != null) {
                activation = old.expirationDate();
            }
        }
        String number = DocumentNumbers.contract(now.atZone(ZoneOffset.UTC).toLocalDate(), contracts.nextNumber());
        String billing = providers.activeProviderName(ProviderType.BILLING).orElse(NO_BILLING_PROVIDER);
        Contract contract = Contract.activate(
                new ContractId(ids.newId()),
                number,
                order,
                assignments.current(order.tenant()),
                authors.authorOf(command.caller()),
                activation,
                Contract.Replaced.of(old),
                billing,
                now);
        contracts.insert(contract);
        // the billing provider's id of the company, recorded when its first quote was issued
        billingCustomers.stampContract(contract.id());
        audit.record(
                command.caller(),
                new AuditChange("activate", "contract", contract.id().value(), Changes.created(summary(contract))),
                now);
        if (old != null) {
            ContractStatus next = Contract.statusAfterReplacement(order.kind());
            if (next != null) {
                Contract replaced = old.transitionTo(next, now);
                contracts.update(replaced);
                audit.record(
                        command.caller(),
                        AuditChange.changed(
                                "transition",
                                "contract",
                                old.id().value(),
                                Map.of("status", old.status().name()),
                                Map.of(
                                        "status",
                                        next.name(),
                                        "replaced_by",
                                        contract.id().toString())),
                        now);
            }
        }
        notifier.notify(NotificationEvents.contractActivated(contract));
        return contract;
    }

    static Map<String, Object> summary(Contract contract) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("contract_number", contract.number());
        fields.put(
                "order_id",
                contract.orderId() == null ? null : contract.orderId().toString());
        fields.put(
                "contract_type",
                contract.terms().type() == null ? null : contract.terms().type().name());
        fields.put("status", contract.status().name());
        fields.put("activation_date", contract.activationDate().toString());
        fields.put(
                "expiration_date",
                contract.expirationDate() == null
                        ? null
                        : contract.expirationDate().toString());
        fields.put("total_value", contract.totalValue().amount());
        fields.put("currency", contract.currencyCode());
        fields.put(
                "renewed_from_id",
                contract.renewedFromId() == null
                        ? null
                        : contract.renewedFromId().toString());
        return fields;
    }
}
