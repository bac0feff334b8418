package com.tentabo.prm.application.outbox.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.notification.service.NotificationDelivery;
import com.tentabo.prm.application.order.port.out.OrderProviderLinkRepository;
import com.tentabo.prm.application.order.port.out.OrderProviderLinkRepository.Link;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxSettings;
import com.tentabo.prm.application.outbox.port.in.DeliverOutboxUseCase;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository;
import com.tentabo.prm.application.provider.BillingCustomer;
import com.tentabo.prm.application.provider.DealReceipt;
import com.tentabo.prm.application.provider.DealRequest;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.QuoteReceipt;
import com.tentabo.prm.application.provider.QuoteRequest;
import com.tentabo.prm.application.provider.port.out.BillingCustomerRepository;
import com.tentabo.prm.application.provider.port.out.BillingGateway;
import com.tentabo.prm.application.provider.port.out.CrmGateway;
import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.application.provider.service.ProviderHealthMarks;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.application.shared.port.out.WorkQueueRepository.Claimed;
import com.tentabo.prm.application.shared.workqueue.WorkQueueWorker;
import com.tentabo.prm.application.shared.workqueue.WorkQueueWorker.Outcome;
import com.tentabo.prm.application.shared.workqueue.WorkQueueWorker.Tally;
import com.tentabo.prm.domain.company.CompanyProfile;
import com.tentabo.prm.domain.id.CompanyId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.OutboxEventId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderStatus;
import com.tentabo.prm.domain.provider.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers due outbox events to the active providers, by the loop both queues share ({@link WorkQueueWorker}): claim a
 * batch (one short transaction), then for each event read what to send (one transaction), call the provider (no
 * transaction open), and record the outcome (one transaction). Delivery is at least once: a crash between the provider's answer and the record makes the event due
 * again after its lease, and the gateways find what an earlier attempt created instead of creating it twice.
 *
 * <p>Outcomes: DELIVERED (the order now carries the provider's quote or deal id, audited); PENDING again after a
 * retryable failure, waiting {@link OutboxSettings#retryDelay} or the provider's {@code Retry-After}, whichever is
 * longer; FAILED after a permanent failure or the last attempt; SKIPPED when the order was cancelled before delivery
 * or no provider of the kind is active. FAILED and SKIPPED events wait for a person to requeue them.
 */
@ApplicationScoped
public class OutboxDeliveryService implements DeliverOutboxUseCase {

    static final String WORKER = "outbox-worker";

    private final Transactions tx;
    private final OutboxRepository outbox;
    private final OrderRepository orders;
    private final PartnerRepository partners;
    private final DistributorRepository distributors;
    private final LeadRepository leads;
    private final ProviderConfigDirectory providers;
    private final OrderProviderLinkRepository links;
    private final AuditRecorder audit;
    private final BillingCustomerRepository billingCustomers;
    private final ProviderGateways<BillingGateway> billingGateways;
    private final ProviderGateways<CrmGateway> crmGateways;
    private final NotificationDelivery notifications;
    private final ProviderHealthMarks health;
    private final CrmWriteBack writeBack;
    private final WorkQueueWorker<OutboxEventId, OutboxMessage> worker;
    private final Clock clock;

    public OutboxDeliveryService(
            Transactions tx,
            OutboxRepository outbox,
            OrderRepository orders,
            PartnerRepository partners,
            DistributorRepository distributors,
            LeadRepository leads,
            ProviderConfigDirectory providers,
            OrderProviderLinkRepository links,
            AuditRecorder audit,
            BillingCustomerRepository billingCustomers,
            ProviderGateways<BillingGateway> billingGateways,
            ProviderGateways<CrmGateway> crmGateways,
            NotificationDelivery notifications,
            OutboxSettings settings,
            ProviderHealthMarks health,
            CrmWriteBack writeBack,
            Clock clock) {
        this.tx = tx;
        this.writeBack = writeBack;
        this.outbox = outbox;
        this.orders = orders;
        this.partners = partners;
        this.distributors = distributors;
        this.leads = leads;
        this.providers = providers;
        this.links = links;
        this.audit = audit;
        this.billingCustomers = billingCustomers;
        this.health = health;
        this.billingGateways = billingGateways;
        this.crmGateways = crmGateways;
        this.notifications = notifications;
        this.worker = new WorkQueueWorker<>("Outbox event", outbox, tx, settings, clock);
        this.clock = clock;
    }

    @Override
    public Run deliverDue() {
        List<Claimed<OutboxEventId, OutboxMessage>> notificationEvents = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Claimed<OutboxEventId, OutboxMessage> claimed : worker.claim()) {
            if (NotificationDelivery.handles(claimed.item().topic())) {
                notificationEvents.add(claimed);
            } else {
                outcomes.add(worker.handle(claimed, new Delivery(NotificationDelivery.Prepared.NONE)));
            }
        }
        // mails and webhook calls are independent of each other: several at once (prm.notifications.delivery-threads),
        // the batch's mails read ahead in one transaction
        Delivery notification = new Delivery(notifications.prepare(
                notificationEvents.stream().map(Claimed::item).toList()));
        outcomes.addAll(notifications.inParallel(notificationEvents, claimed -> worker.handle(claimed, notification)));
        Tally tally = Tally.of(outcomes);
        return new Run(
                tally.of(Outcome.SUCCEEDED),
                tally.of(Outcome.RETRIED),
                tally.of(Outcome.DEAD_LETTERED),
                tally.of(Outcome.SETTLED));
    }

    /** One event's delivery by its topic; a notification's with what the batch read ahead. */
    private final class Delivery implements WorkQueueWorker.Handler<OutboxEventId, OutboxMessage> {

        private final NotificationDelivery.Prepared prepared;

        Delivery(NotificationDelivery.Prepared prepared) {
            this.prepared = prepared;
        }

        @Override
        public Outcome handle(Claimed<OutboxEventId, OutboxMessage> claimed) {
            OutboxMessage message = claimed.item();
            if (NotificationDelivery.handles(message.topic())) {
                return deliverNotification(claimed, prepared);
            }
            return switch (message.topic()) {
                case OutboxMessage.BILLING_QUOTE_REQUESTED -> deliverQuote(message);
                case OutboxMessage.CRM_DEAL_REQUESTED -> deliverDeal(message);
                case OutboxMessage.CRM_LEAD_UPDATED -> settled(message, writeBack.lead(message));
                case OutboxMessage.CRM_DEAL_STATUS -> settled(message, writeBack.dealStatus(message));
                default -> {
                    tx.requiringNew(() -> outbox.deadLettered(
                            message.id(), "no delivery is known for topic '" + message.topic() + "'", clock.instant()));
                    yield Outcome.DEAD_LETTERED;
                }
            };
        }

        /** A notification's mail is marked failed, any other event reported to the admins. */
        @Override
        public void gaveUp(Claimed<OutboxEventId, OutboxMessage> claimed, String reason) {
            notifications.outboxGaveUp(claimed.item(), reason);
        }
    }

    /** Mails and webhook deliveries: {@link NotificationDelivery} sends them and settles webhook failures itself. */
    private Outcome deliverNotification(
            Claimed<OutboxEventId, OutboxMessage> claimed, NotificationDelivery.Prepared prepared) {
        NotificationDelivery.Outcome outcome = notifications.deliver(claimed.item(), claimed.attempt(), prepared);
        return switch (outcome.result()) {
            case DELIVERED -> Outcome.SUCCEEDED;
            case RETRIED -> Outcome.RETRIED;
            case FAILED -> Outcome.DEAD_LETTERED;
            case SKIPPED -> skip(claimed.item(), outcome.skipReason());
        };
    }

    private Outcome deliverQuote(OutboxMessage message) {
        Optional<ProviderSettings> provider = tx.requiringNew(() -> providers.activeSettings(ProviderType.BILLING));
        OrderId orderId = new OrderId(message.aggregateId());
        Optional<QuoteRequest> request = tx.requiringNew(
                () -> quoteRequest(orderId, provider.map(ProviderSettings::name).orElse("")));
        if (request.isEmpty()) {
            return skip(message, "the order was cancelled (or removed) before its quote was sent");
        }
        if (provider.isEmpty()) {
            return skip(message, "no BILLING provider is active");
        }
        BillingGateway gateway = gatewayFor(billingGateways, provider.get());
        QuoteReceipt receipt;
        try {
            receipt = gateway.requestQuote(provider.get(), request.get());
        } catch (ProviderFailure failure) {
            health.afterFailure(provider.get(), failure);
            throw failure;
        }
        Link link = new Link(provider.get().name(), receipt.quoteId(), withNumber(receipt));
        tx.requiringNew(() -> quoteIssued(
                message.id(), orderId, request.get().customer(), link, receipt.customerId(), clock.instant()));
        return Outcome.SUCCEEDED;
    }

    private Outcome deliverDeal(OutboxMessage message) {
        Optional<ProviderSettings> provider = tx.requiringNew(() -> providers.activeSettings(ProviderType.CRM));
        OrderId orderId = new OrderId(message.aggregateId());
        Optional<DealRequest> request = tx.requiringNew(
                () -> dealRequest(orderId, provider.map(ProviderSettings::name).orElse("")));
        if (request.isEmpty()) {
            return skip(message, "the order was cancelled (or removed) before its deal was sent");
        }
        if (provider.isEmpty()) {
            return skip(message, "no CRM provider is active");
        }
        CrmGateway gateway = gatewayFor(crmGateways, provider.get());
        DealReceipt receipt;
        try {
            receipt = gateway.requestDeal(provider.get(), request.get());
        } catch (ProviderFailure failure) {
            health.afterFailure(provider.get(), failure);
            throw failure;
        }
        Link link = new Link(provider.get().name(), receipt.dealId(), receipt.metadata());
        tx.requiringNew(() -> dealOpened(message.id(), orderId, link, clock.instant()));
        return Outcome.SUCCEEDED;
    }

    private static Map<String, Object> withNumber(QuoteReceipt receipt) {
        Map<String, Object> metadata = new LinkedHashMap<>(receipt.metadata());
        if (receipt.quoteNumber() != null) {
            metadata.putIfAbsent("quote_number", receipt.quoteNumber());
        }
        return metadata;
    }

    private static <G> G gatewayFor(ProviderGateways<G> gateways, ProviderSettings provider) {
        return gateways.forName(provider.name())
                .orElseThrow(() -> ProviderFailure.permanent("the active " + provider.type() + " provider '"
                        + provider.name() + "' has no adapter in this version"));
    }

    /** A write-back that was delivered (no reason given) or is skipped for the reason given. */
    private Outcome settled(OutboxMessage message, Optional<String> skipReason) {
        return skipReason.map(reason -> skip(message, reason)).orElse(Outcome.SUCCEEDED);
    }

    private Outcome skip(OutboxMessage message, String reason) {
        tx.requiringNew(() -> outbox.markSkipped(message.id(), clock.instant(), reason));
        return Outcome.SETTLED;
    }

    /**
     * The quote of a sent order, or empty when the order is gone or was cancelled before the quote left. The
     * customer carries the billing provider's id of the company when an earlier quote recorded it.
     */
    private Optional<QuoteRequest> quoteRequest(OrderId orderId, String billingName) {
        return deliverable(orderId).map(order -> {
            BillingCustomer customer = customerOf(order);
            if (!billingName.isEmpty()) {
                customer = billingCustomers
                        .find(billingName, customer.companyId())
                        .map(customer::withBillingCustomerId)
                        .orElse(customer);
            }
            return QuoteRequest.of(order, customer);
        });
    }

    /** The deal of a sent order, or empty when the order is gone or was cancelled before the deal left. */
    private Optional<DealRequest> dealRequest(OrderId orderId, String crmName) {
        return deliverable(orderId).map(order -> {
            String leadInCrm = order.leadId() == null
                    ? null
                    : leads.findById(order.leadId())
                            .filter(lead -> crmName.equalsIgnoreCase(lead.providerName()))
                            .map(Lead::providerId)
                            .orElse(null);
            return DealRequest.of(order, customerOf(order).name(), leadInCrm);
        });
    }

    /**
     * Records the issued quote on the order, audits it, records the provider's id of the customer the first time it
     * is known (copied onto the company's contracts), and marks the event delivered: one transaction.
     */
    private void quoteIssued(
            OutboxEventId eventId,
            OrderId orderId,
            BillingCustomer customer,
            Link link,
            String customerId,
            Instant now) {
        Optional<Link> before = links.billingQuote(orderId);
        links.recordBillingQuote(orderId, link);
        if (customerId != null && !customerId.isBlank()) {
            billingCustomers.remember(link.provider(), customer.companyId(), customerId.strip(), now);
        }
        audit(orderId, "billing_quote", "billing_provider", "billing_quote_id", before, link, now);
        outbox.succeeded(eventId, now);
    }

    /** Records the opened deal on the order, audits it and marks the event delivered: one transaction. */
    private void dealOpened(OutboxEventId eventId, OrderId orderId, Link link, Instant now) {
        Optional<Link> before = links.crmDeal(orderId);
        links.recordCrmDeal(orderId, link);
        audit(orderId, "crm_deal", "crm_provider", "crm_deal_id", before, link, now);
        outbox.succeeded(eventId, now);
    }

    private Optional<Order> deliverable(OrderId orderId) {
        return orders.findById(orderId).filter(order -> order.status() != OrderStatus.CANCELLED);
    }

    /** The company the order's quote is addressed to ({@link Order#addresseeId()}), as the PRM stores it. */
    private BillingCustomer customerOf(Order order) {
        CompanyId companyId = order.addresseeId()
                .orElseThrow(() -> ProviderFailure.permanent(
                        "order " + order.number() + " has neither a partner nor a distributor to address"));
        CompanyProfile profile = companyId instanceof PartnerId partnerId
                ? partners.findById(partnerId).orElseThrow().profile()
                : distributors.findById((DistributorId) companyId).orElseThrow().profile();
        return BillingCustomer.of(companyId, profile);
    }

    private void audit(
            OrderId orderId,
            String action,
            String providerField,
            String idField,
            Optional<Link> before,
            Link after,
            Instant now) {
        Map<String, Object> old = new LinkedHashMap<>();
        old.put(providerField, before.map(Link::provider).orElse(null));
        old.put(idField, before.map(Link::remoteId).orElse(null));
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put(providerField, after.provider());
        changed.put(idField, after.remoteId());
        audit.recordByWorker(WORKER, AuditChange.changed(action, "order", orderId.value(), old, changed), now);
    }
}
