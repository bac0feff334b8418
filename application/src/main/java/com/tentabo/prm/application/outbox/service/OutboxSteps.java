package com.tentabo.prm.application.outbox.service;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.order.port.out.OrderProviderLinkRepository;
import com.tentabo.prm.application.order.port.out.OrderProviderLinkRepository.Link;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository;
import com.tentabo.prm.application.provider.BillingCustomer;
import com.tentabo.prm.application.provider.DealRequest;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.QuoteRequest;
import com.tentabo.prm.application.provider.port.out.BillingCustomerRepository;
import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.company.CompanyProfile;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderStatus;
import com.tentabo.prm.domain.provider.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The database work of one delivery, each step in a transaction of its own, so that no transaction stays open while
 * a provider is called (see {@link OutboxDeliveryService}).
 */
@ApplicationScoped
public class OutboxSteps {

    static final String WORKER = "outbox-worker";

    private final OutboxRepository outbox;
    private final OrderRepository orders;
    private final PartnerRepository partners;
    private final DistributorRepository distributors;
    private final LeadRepository leads;
    private final ProviderConfigDirectory providers;
    private final OrderProviderLinkRepository links;
    private final AuditLogRepository audit;
    private final BillingCustomerRepository billingCustomers;
    private final IdGenerator ids;

    public OutboxSteps(OutboxRepository outbox, OrderRepository orders, PartnerRepository partners,
                       DistributorRepository distributors, LeadRepository leads, ProviderConfigDirectory providers,
                       OrderProviderLinkRepository links, AuditLogRepository audit,
                       BillingCustomerRepository billingCustomers, IdGenerator ids) {
        this.billingCustomers = billingCustomers;
        this.outbox = outbox;
        this.orders = orders;
        this.partners = partners;
        this.distributors = distributors;
        this.leads = leads;
        this.providers = providers;
        this.links = links;
        this.audit = audit;
        this.ids = ids;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OutboxRepository.Claimed> claim(Instant now, Instant leaseUntil, int limit) {
        return outbox.claimDue(now, leaseUntil, limit);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ProviderSettings> activeProvider(ProviderType type) {
        return providers.activeSettings(type);
    }

    /**
     * The quote of a sent order, or empty when the order is gone or was cancelled before the quote left. The
     * customer carries the billing provider's id of the company when an earlier quote recorded it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<QuoteRequest> quoteRequest(UUID orderId, String billingName) {
        return deliverable(orderId).map(order -> {
            BillingCustomer customer = customerOf(order);
            if (!billingName.isEmpty()) {
                customer = billingCustomers.find(billingName, customer.companyId())
                        .map(customer::withBillingCustomerId).orElse(customer);
            }
            return new QuoteRequest(order.id(), order.number(), order.currency(), order.taxRate(), customer,
                    QuoteRequest.linesOf(order), order.totals().subtotal(), order.totals().discountAmount(),
                    order.totals().taxAmount(), order.totals().totalAmount());
        });
    }

    /** The deal of a sent order, or empty when the order is gone or was cancelled before the deal left. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<DealRequest> dealRequest(UUID orderId, String crmName) {
        return deliverable(orderId).map(order -> {
            String leadInCrm = order.leadId() == null ? null : leads.findById(order.leadId())
                    .filter(lead -> crmName.equalsIgnoreCase(lead.providerName()))
                    .map(Lead::providerId).orElse(null);
            return new DealRequest(order.id(), order.number(), "Order " + order.number(),
                    order.totals().subtotal().subtract(order.totals().discountAmount()), order.currency(),
                    customerOf(order).name(), leadInCrm);
        });
    }

    /**
     * Records the issued quote on the order, audits it, records the provider's id of the customer the first time it
     * is known (copied onto the company's contracts), and marks the event delivered: one transaction.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void quoteIssued(UUID eventId, UUID orderId, BillingCustomer customer, Link link, String customerId,
                            Instant now) {
        Optional<Link> before = links.billingQuote(orderId);
        links.recordBillingQuote(orderId, link);
        if (customerId != null && !customerId.isBlank()) {
            UUID partnerId = orders.findById(orderId).map(order -> order.tenant().partnerId()).orElse(null);
            billingCustomers.remember(link.provider(), customer.companyId(), partnerId == null, customerId.strip(), now);
        }
        audit(orderId, "billing_quote", "billing_provider", "billing_quote_id", before, link, now);
        outbox.markDelivered(eventId, now);
    }

    /** Records the opened deal on the order, audits it and marks the event delivered: one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void dealOpened(UUID eventId, UUID orderId, Link link, Instant now) {
        Optional<Link> before = links.crmDeal(orderId);
        links.recordCrmDeal(orderId, link);
        audit(orderId, "crm_deal", "crm_provider", "crm_deal_id", before, link, now);
        outbox.markDelivered(eventId, now);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void retryLater(UUID eventId, Instant next, String error) {
        outbox.retryLater(eventId, next, error);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(UUID eventId, String error) {
        outbox.markFailed(eventId, error);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void skipped(UUID eventId, Instant at, String reason) {
        outbox.markSkipped(eventId, at, reason);
    }

    private Optional<Order> deliverable(UUID orderId) {
        return orders.findById(orderId).filter(order -> order.status() != OrderStatus.CANCELLED);
    }

    /** The quote goes to the end customer (the partner), or to the distributor when the order has no partner. */
    private BillingCustomer customerOf(Order order) {
        UUID partnerId = order.tenant().partnerId();
        UUID companyId = partnerId != null ? partnerId : order.tenant().distributorId();
        if (companyId == null) {
            throw ProviderFailure.permanent("order " + order.number() + " has neither a partner nor a distributor to address");
        }
        CompanyProfile profile = partnerId != null
                ? partners.findById(partnerId).orElseThrow().profile()
                : distributors.findById(companyId).orElseThrow().profile();
        return new BillingCustomer(companyId, profile.name(), profile.legalName(), profile.registrationNumber(),
                profile.email(), profile.addressLine1(), profile.addressLine2(), profile.city(), profile.postalCode(),
                profile.country());
    }

    private void audit(UUID orderId, String action, String providerField, String idField, Optional<Link> before,
                       Link after, Instant now) {
        Map<String, Object> old = new LinkedHashMap<>();
        old.put(providerField, before.map(Link::provider).orElse(null));
        old.put(idField, before.map(Link::remoteId).orElse(null));
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put(providerField, after.provider());
        changed.put(idField, after.remoteId());
        audit.append(new AuditEntry(ids.newId(), null, null, action, "order", orderId, Changes.diff(old, changed),
                null, WORKER, now));
    }
}
