package com.tentabo.prm.application.outbox.service;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
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
import com.tentabo.prm.application.outbox.port.out.OutboxRepository.Claimed;
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
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderStatus;
import com.tentabo.prm.domain.provider.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivers due outbox events to the active providers: claim a batch (one short transaction), then for each event
 * read what to send (one transaction), call the provider (no transaction open), and record the outcome (one
 * transaction). Delivery is at least once: a crash between the provider's answer and the record makes the event due
 * again after its lease, and the gateways find what an earlier attempt created instead of creating it twice.
 *
 * <p>Outcomes: DELIVERED (the order now carries the provider's quote or deal id, audited); PENDING again after a
 * retryable failure, waiting {@link OutboxSettings#retryDelay} or the provider's {@code Retry-After}, whichever is
 * longer; FAILED after a permanent failure or the last attempt; SKIPPED when the order was cancelled before delivery
 * or no provider of the kind is active. FAILED and SKIPPED events wait for a person to requeue them.
 */
@ApplicationScoped
public class OutboxDeliveryService implements DeliverOutboxUseCase {

    private static final System.Logger LOG = System.getLogger(OutboxDeliveryService.class.getName());

    private enum Outcome {
        DELIVERED,
        RETRIED,
        FAILED,
        SKIPPED
    }

    static final String WORKER = "outbox-worker";

    private final Transactions tx;
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
    private final ProviderGateways<BillingGateway> billingGateways;
    private final ProviderGateways<CrmGateway> crmGateways;
    private final NotificationDelivery notifications;
    private final OutboxSettings settings;
    private final ProviderHealthMarks health;
    private final CrmWriteBack writeBack;
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
            AuditLogRepository audit,
            BillingCustomerRepository billingCustomers,
            IdGenerator ids,
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
        this.ids = ids;
        this.health = health;
        this.billingGateways = billingGateways;
        this.crmGateways = crmGateways;
        this.notifications = notifications;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Run deliverDue() {
        Instant now = clock.instant();
        Map<Outcome, Integer> counts = new LinkedHashMap<>();
        java.util.List<Claimed> notificationEvents = new java.util.ArrayList<>();
        java.util.List<Claimed> due =
                tx.requiringNew(() -> outbox.claimDue(now, now.plus(settings.lease()), settings.batchSize()));
        for (Claimed claimed : due) {
            if (NotificationDelivery.handles(claimed.message().topic())) {
                notificationEvents.add(claimed);
            } else {
                counts.merge(deliver(claimed, NotificationDelivery.Prepared.NONE), 1, Integer::sum);
            }
        }
        // mails and webhook calls are independent of each other: several at once (prm.notifications.delivery-threads),
        // the batch's mails read ahead in one transaction
        NotificationDelivery.Prepared prepared = notifications.prepare(
                notificationEvents.stream().map(Claimed::message).toList());
        for (Outcome outcome : notifications.inParallel(notificationEvents, claimed -> deliver(claimed, prepared))) {
            counts.merge(outcome, 1, Integer::sum);
        }
        return new Run(
                counts.getOrDefault(Outcome.DELIVERED, 0),
                counts.getOrDefault(Outcome.RETRIED, 0),
                counts.getOrDefault(Outcome.FAILED, 0),
                counts.getOrDefault(Outcome.SKIPPED, 0));
    }

    private Outcome deliver(Claimed claimed, NotificationDelivery.Prepared prepared) {
        OutboxMessage message = claimed.message();
        try {
            if (NotificationDelivery.handles(message.topic())) {
                return deliverNotification(claimed, prepared);
            }
            return switch (message.topic()) {
                case OutboxMessage.BILLING_QUOTE_REQUESTED -> deliverQuote(message);
                case OutboxMessage.CRM_DEAL_REQUESTED -> deliverDeal(message);
                case OutboxMessage.CRM_LEAD_UPDATED -> settled(message, writeBack.lead(message));
                case OutboxMessage.CRM_DEAL_STATUS -> settled(message, writeBack.dealStatus(message));
                default -> {
                    tx.requiringNew(() -> outbox.markFailed(
                            message.id(), "no delivery is known for topic '" + message.topic() + "'"));
                    yield Outcome.FAILED;
                }
            };
        } catch (ProviderFailure failure) {
            return afterFailure(claimed, failure.getMessage(), failure.isRetryable(), failure.retryAfter());
        } catch (RuntimeException unexpected) {
            // a defect or the database failing mid-delivery: kept for a person, retried like a network error
            LOG.log(
                    System.Logger.Level.ERROR,
                    "Outbox event " + message.id() + " (" + message.topic() + ") failed unexpectedly",
                    unexpected);
            return afterFailure(
                    claimed, "unexpected error: " + unexpected.getClass().getSimpleName(), true, Optional.empty());
        }
    }

    /** Mails and webhook deliveries: {@link NotificationDelivery} sends them and settles webhook failures itself. */
    private Outcome deliverNotification(Claimed claimed, NotificationDelivery.Prepared prepared) {
        NotificationDelivery.Outcome outcome = notifications.deliver(claimed.message(), claimed.attempt(), prepared);
        return switch (outcome.result()) {
            case DELIVERED -> Outcome.DELIVERED;
            case RETRIED -> Outcome.RETRIED;
            case FAILED -> Outcome.FAILED;
            case SKIPPED -> skip(claimed.message(), outcome.skipReason());
        };
    }

    private Outcome deliverQuote(OutboxMessage message) {
        Optional<ProviderSettings> provider = tx.requiringNew(() -> providers.activeSettings(ProviderType.BILLING));
        Optional<QuoteRequest> request = tx.requiringNew(() -> quoteRequest(
                message.aggregateId(), provider.map(ProviderSettings::name).orElse("")));
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
                message.id(),
                message.aggregateId(),
                request.get().customer(),
                link,
                receipt.customerId(),
                clock.instant()));
        return Outcome.DELIVERED;
    }

    private Outcome deliverDeal(OutboxMessage message) {
        Optional<ProviderSettings> provider = tx.requiringNew(() -> providers.activeSettings(ProviderType.CRM));
        Optional<DealRequest> request = tx.requiringNew(() -> dealRequest(
                message.aggregateId(), provider.map(ProviderSettings::name).orElse("")));
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
        tx.requiringNew(() -> dealOpened(message.id(), message.aggregateId(), link, clock.instant()));
        return Outcome.DELIVERED;
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
        return skipReason.map(reason -> skip(message, reason)).orElse(Outcome.DELIVERED);
    }

    private Outcome skip(OutboxMessage message, String reason) {
        tx.requiringNew(() -> outbox.markSkipped(message.id(), clock.instant(), reason));
        return Outcome.SKIPPED;
    }

    private Outcome afterFailure(Claimed claimed, String error, boolean retryable, Optional<Duration> retryAfter) {
        String text = OutboxSettings.errorText(error);
        Optional<Instant> next =
                settings.nextAttempt(claimed.attempt(), claimed.message().id(), retryable, retryAfter, clock.instant());
        if (next.isEmpty()) {
            String reason = retryable ? "gave up after " + claimed.attempt() + " attempts: " + text : text;
            tx.requiringNew(() -> outbox.markFailed(claimed.message().id(), reason));
            notifications.outboxGaveUp(claimed.message(), reason);
            return Outcome.FAILED;
        }
        tx.requiringNew(() -> outbox.retryLater(claimed.message().id(), next.get(), text));
        return Outcome.RETRIED;
    }

    /**
     * The quote of a sent order, or empty when the order is gone or was cancelled before the quote left. The
     * customer carries the billing provider's id of the company when an earlier quote recorded it.
     */
    private Optional<QuoteRequest> quoteRequest(UUID orderId, String billingName) {
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
    private Optional<DealRequest> dealRequest(UUID orderId, String crmName) {
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
            UUID eventId, UUID orderId, BillingCustomer customer, Link link, String customerId, Instant now) {
        Optional<Link> before = links.billingQuote(orderId);
        links.recordBillingQuote(orderId, link);
        if (customerId != null && !customerId.isBlank()) {
            UUID partnerId = orders.findById(new OrderId(orderId))
                    .map(order -> order.tenant().partnerId())
                    .orElse(null);
            billingCustomers.remember(
                    link.provider(), customer.companyId(), partnerId == null, customerId.strip(), now);
        }
        audit(orderId, "billing_quote", "billing_provider", "billing_quote_id", before, link, now);
        outbox.markDelivered(eventId, now);
    }

    /** Records the opened deal on the order, audits it and marks the event delivered: one transaction. */
    private void dealOpened(UUID eventId, UUID orderId, Link link, Instant now) {
        Optional<Link> before = links.crmDeal(orderId);
        links.recordCrmDeal(orderId, link);
        audit(orderId, "crm_deal", "crm_provider", "crm_deal_id", before, link, now);
        outbox.markDelivered(eventId, now);
    }

    private Optional<Order> deliverable(UUID orderId) {
        return orders.findById(new OrderId(orderId)).filter(order -> order.status() != OrderStatus.CANCELLED);
    }

    /** The company the order's quote is addressed to ({@link Order#addresseeId()}), as the PRM stores it. */
    private BillingCustomer customerOf(Order order) {
        UUID companyId = order.addresseeId()
                .orElseThrow(() -> ProviderFailure.permanent(
                        "order " + order.number() + " has neither a partner nor a distributor to address"));
        return BillingCustomer.of(
                companyId,
                order.tenant().partnerId() != null
                        ? partners.findById(new PartnerId(companyId))
                                .orElseThrow()
                                .profile()
                        : distributors
                                .findById(new DistributorId(companyId))
                                .orElseThrow()
                                .profile());
    }

    private void audit(
            UUID orderId,
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
        audit.append(new AuditEntry(
                ids.newId(), null, null, action, "order", orderId, Changes.diff(old, changed), null, WORKER, now));
    }
}
