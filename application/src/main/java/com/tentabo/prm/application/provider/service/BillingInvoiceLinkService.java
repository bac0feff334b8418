package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.contract.port.out.ContractInvoiceRepository;
import com.tentabo.prm.application.contract.port.out.ContractRepository;
import com.tentabo.prm.application.provider.BillingInvoiceEntry;
import com.tentabo.prm.application.provider.port.in.BrowseBillingUseCase.InvoiceView;
import com.tentabo.prm.application.provider.port.in.LinkBillingInvoiceUseCase;
import com.tentabo.prm.application.provider.port.out.BillingLinkRepository;
import com.tentabo.prm.application.provider.port.out.BillingLinkRepository.InvoiceLink;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.BillingInvoiceLinkId;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Staff's decision about an invoice of the active billing provider. The invoice is read from the provider first
 * (404 when it has none), with no transaction open; then, in one transaction: the decision is stored in
 * {@code billing_invoice_links}, the invoice leaves every contract's {@code billing_invoices} that held it, and — when
 * attached — joins the chosen contract's list marked {@code "manual": true}; one audit row
 * ({@value #LINKED} / {@value #UNLINKED}, entity {@code billing_invoice_link}). Deciding what is already decided
 * changes and audits nothing.
 */
@ApplicationScoped
public class BillingInvoiceLinkService implements LinkBillingInvoiceUseCase {

    static final String LINKED = "billing_invoice.linked";
    static final String UNLINKED = "billing_invoice.unlinked";
    static final String ENTITY = "billing_invoice_link";

    private final Transactions tx;
    private final BillingProviderCalls calls;
    private final BillingLinkRepository links;
    private final ContractRepository contracts;
    private final ContractInvoiceRepository contractInvoices;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final Clock clock;

    public BillingInvoiceLinkService(
            Transactions tx,
            BillingProviderCalls calls,
            BillingLinkRepository links,
            ContractRepository contracts,
            ContractInvoiceRepository contractInvoices,
            AuditRecorder audit,
            IdGenerator ids,
            Clock clock) {
        this.tx = tx;
        this.calls = calls;
        this.links = links;
        this.contracts = contracts;
        this.contractInvoices = contractInvoices;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public InvoiceView link(Caller caller, String invoiceId, ContractId contractId, boolean notContractRelated) {
        AccessPolicy.require(caller, Capability.CONTRACTS_LIFECYCLE);
        if (notContractRelated == (contractId != null)) {
            throw DomainException.invalid("contract_id", "give either contract_id or not_contract_related: true");
        }
        String id = BillingProviderCalls.recordId(invoiceId);
        BillingProviderCalls.Active provider = calls.active();
        if (contractId != null
                && tx.requiringNew(() -> contracts.findById(contractId)).isEmpty()) {
            throw DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND, "Contract", contractId);
        }
        BillingInvoiceEntry entry = calls.call(provider, g -> g.invoice(provider.settings(), id))
                .orElseThrow(() -> DomainException.notFound(ErrorCode.BILLING_INVOICE_NOT_FOUND, "Invoice", id));
        tx.requiringNew(() -> record(caller, provider.name(), entry, contractId));
        return calls.views(provider, List.of(entry)).get(0);
    }

    private void record(Caller caller, String provider, BillingInvoiceEntry entry, ContractId contractId) {
        String invoiceId = entry.invoice().id();
        InvoiceLink before = links.lock(provider, invoiceId).orElse(null);
        if (before != null && Objects.equals(before.contractId(), contractId)) {
            return;
        }
        if (contractId != null && contracts.findById(contractId).isEmpty()) {
            throw DomainException.notFound(ErrorCode.CONTRACT_NOT_FOUND, "Contract", contractId);
        }
        Instant now = clock.instant();
        BillingInvoiceLinkId linkId = before == null ? new BillingInvoiceLinkId(ids.newId()) : before.id();
        links.save(new InvoiceLink(
                linkId, provider, invoiceId, contractId, caller.userPrincipalId(), caller.adminUserId(), now));
        for (ContractId holder : links.contractsHolding(provider, invoiceId)) {
            if (!holder.equals(contractId)) {
                withoutInvoice(holder, invoiceId, false);
            }
        }
        if (contractId != null) {
            List<Map<String, Object>> items = new ArrayList<>(withoutInvoice(contractId, invoiceId, false));
            Map<String, Object> stored = new LinkedHashMap<>(ProviderSyncRecords.stored(entry.invoice(), provider));
            stored.put(ProviderSyncRecords.MANUAL, true);
            items.add(stored);
            contractInvoices.replaceInvoices(contractId, items);
        }
        audit.record(
                caller,
                new AuditChange(LINKED, ENTITY, linkId.value(), changes(invoiceId, before, contractId, true)),
                now);
    }

    @Override
    public void forget(Caller caller, String invoiceId) {
        AccessPolicy.require(caller, Capability.CONTRACTS_LIFECYCLE);
        String id = BillingProviderCalls.recordId(invoiceId);
        BillingProviderCalls.Active provider = calls.active();
        tx.requiringNew(() -> {
            InvoiceLink before = links.lock(provider.name(), id).orElse(null);
            if (before == null) {
                return;
            }
            links.delete(provider.name(), id);
            if (before.contractId() != null) {
                withoutInvoice(before.contractId(), id, true);
            }
            audit.record(
                    caller,
                    new AuditChange(UNLINKED, ENTITY, before.id().value(), changes(id, before, null, false)),
                    clock.instant());
        });
    }

    /**
     * The contract's invoices without this one (written back when it was there); with {@code manualOnly}, only an
     * entry attached by hand is removed (one its quote brought stays).
     */
    private List<Map<String, Object>> withoutInvoice(ContractId contractId, String invoiceId, boolean manualOnly) {
        List<Map<String, Object>> items =
                contractInvoices.lockInvoices(contractId).orElse(List.of());
        List<Map<String, Object>> kept = items.stream()
                .filter(item -> !invoiceId.equals(String.valueOf(item.get("id")))
                        || manualOnly && !Boolean.TRUE.equals(item.get(ProviderSyncRecords.MANUAL)))
                .toList();
        if (kept.size() != items.size()) {
            contractInvoices.replaceInvoices(contractId, kept);
        }
        return kept;
    }

    private static Map<String, Object> changes(
            String invoiceId, InvoiceLink before, ContractId contractId, boolean decided) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("invoice_id", invoiceId);
        changes.put("contract_id", pair(before == null ? null : before.contractId(), contractId));
        changes.put(
                "not_contract_related",
                pair(before != null && before.notContractRelated(), decided && contractId == null));
        return changes;
    }

    private static Map<String, Object> pair(Object before, Object after) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("before", before instanceof ContractId id ? id.toString() : before);
        pair.put("after", after instanceof ContractId id ? id.toString() : after);
        return pair;
    }
}
