package com.tentabo.prm.application.outbox.service;

import com.tentabo.prm.application.identity.port.out.UserRepository;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.lead.port.out.LeadSyncRepository;
import com.tentabo.prm.application.order.port.out.OrderProviderLinkRepository;
import com.tentabo.prm.application.order.port.out.OrderProviderLinkRepository.Link;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxPayload;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository;
import com.tentabo.prm.application.provider.CrmDealUpdate;
import com.tentabo.prm.application.provider.CrmLeadUpdate;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.port.out.CrmGateway;
import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.application.provider.service.ProviderHealthMarks;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderStatus;
import com.tentabo.prm.domain.provider.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the PRM's changes back to the active CRM: a lead that came from it (won or lost: archived; reopened: not
 * archived; its owner; its value) and the deal of an order (cancelled: lost; fulfilled: won). What is sent is the
 * lead or order as it is at delivery time, so several changes in a row converge on the last one. Like the deal
 * delivery: read in one transaction, call with none open, record in one transaction.
 * <p>
 * The CRM's change time that the write produced is recorded (a lead's {@code provider_metadata.update_time} and
 * {@value LeadSyncRepository#WRITTEN_UPDATE_TIME}; a deal's {@code crm_metadata.update_time}): the webhook that echoes
 * the write back carries that time and is recognised as the PRM's own, and no older copy is applied over it.
 */
@ApplicationScoped
public class CrmWriteBack {

    private final Transactions tx;
    private final ProviderConfigDirectory providers;
    private final LeadRepository leads;
    private final LeadSyncRepository synced;
    private final UserRepository users;
    private final OrderRepository orders;
    private final OrderProviderLinkRepository links;
    private final OutboxRepository outbox;
    private final ProviderGateways<CrmGateway> crmGateways;
    private final ProviderHealthMarks health;
    private final Clock clock;

    public CrmWriteBack(
            Transactions tx,
            ProviderConfigDirectory providers,
            LeadRepository leads,
            LeadSyncRepository synced,
            UserRepository users,
            OrderRepository orders,
            OrderProviderLinkRepository links,
            OutboxRepository outbox,
            ProviderGateways<CrmGateway> crmGateways,
            ProviderHealthMarks health,
            Clock clock) {
        this.tx = tx;
        this.providers = providers;
        this.leads = leads;
        this.synced = synced;
        this.users = users;
        this.orders = orders;
        this.links = links;
        this.outbox = outbox;
        this.crmGateways = crmGateways;
        this.health = health;
        this.clock = clock;
    }

    /** Delivers a {@value OutboxMessage#CRM_LEAD_UPDATED} event: empty when delivered, else why it was skipped. */
    public Optional<String> lead(OutboxMessage message) {
        Optional<ProviderSettings> provider = tx.requiringNew(() -> providers.activeSettings(ProviderType.CRM));
        if (provider.isEmpty()) {
            return Optional.of("no CRM provider is active");
        }
        OutboxPayload.CrmLeadUpdated payload = message.payload() instanceof OutboxPayload.CrmLeadUpdated p
                ? p
                : new OutboxPayload.CrmLeadUpdated(null, null, null, null);
        String field = String.valueOf(payload.field());
        Optional<Lead> found = tx.requiringNew(() -> leads.findById(new LeadId(message.aggregateId())));
        if (found.isEmpty()) {
            return Optional.of("the lead was removed before its change was sent");
        }
        Lead lead = found.get();
        if (!provider.get().name().equalsIgnoreCase(lead.providerName()) || lead.providerId() == null) {
            return Optional.of("the lead did not come from " + provider.get().name());
        }
        CrmLeadUpdate update = switch (field) {
            case "status" ->
                new CrmLeadUpdate(
                        lead.providerId(),
                        lead.status() == LeadStatus.WON || lead.status() == LeadStatus.LOST,
                        null,
                        null,
                        null);
            case "value" ->
                new CrmLeadUpdate(
                        lead.providerId(),
                        null,
                        lead.details().value(),
                        lead.details().value() == null ? null : lead.details().currency(),
                        null);
            case "owner" ->
                new CrmLeadUpdate(
                        lead.providerId(),
                        null,
                        null,
                        null,
                        tx.requiringNew(() -> users.findById(lead.ownerId()))
                                .map(user -> user.email())
                                .orElse(null));
            default -> throw ProviderFailure.permanent("a lead change of an unknown kind: " + field);
        };
        CrmGateway crm = gateway(provider.get());
        Instant written = call(provider.get(), () -> crm.updateLead(provider.get(), update));
        if (update.archived() != null) {
            // won or lost with its reason: the deals the lead's orders opened in the CRM follow the lead
            for (Link deal :
                    tx.requiringNew(() -> dealsOfLead(lead.id(), provider.get().name()))) {
                String status = lead.status() == LeadStatus.WON
                        ? CrmDealUpdate.WON
                        : lead.status() == LeadStatus.LOST ? CrmDealUpdate.LOST : CrmDealUpdate.OPEN;
                call(
                        provider.get(),
                        () -> crm.updateDeal(
                                provider.get(), new CrmDealUpdate(deal.remoteId(), status, payload.lostReason())));
            }
        }
        tx.requiringNew(() -> {
            if (written != null) {
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put("update_time", written.toString());
                metadata.put(LeadSyncRepository.WRITTEN_UPDATE_TIME, written.toString());
                synced.lockByProvider(lead.providerName(), lead.providerId())
                        .ifPresent(known -> synced.recordSync(known.lead().id(), metadata, "synced", clock.instant()));
            }
            outbox.succeeded(message.id(), clock.instant());
            return null;
        });
        return Optional.empty();
    }

    /** Delivers a {@value OutboxMessage#CRM_DEAL_STATUS} event: empty when delivered, else why it was skipped. */
    public Optional<String> dealStatus(OutboxMessage message) {
        Optional<ProviderSettings> provider = tx.requiringNew(() -> providers.activeSettings(ProviderType.CRM));
        if (provider.isEmpty()) {
            return Optional.of("no CRM provider is active");
        }
        OrderId orderId = new OrderId(message.aggregateId());
        Optional<Order> order = tx.requiringNew(() -> orders.findById(orderId));
        Optional<Link> deal = tx.requiringNew(() -> links.crmDeal(orderId))
                .filter(link -> provider.get().name().equalsIgnoreCase(link.provider()));
        if (order.isPresent() && deal.isEmpty() && order.get().status() == OrderStatus.FULFILLED) {
            // fulfilled before its deal was opened (the deal's delivery is retrying): wait for it, with the backoff
            throw ProviderFailure.retryable(
                    "order " + order.get().number() + " has no deal in "
                            + provider.get().name() + " yet",
                    (java.time.Duration) null);
        }
        if (order.isEmpty() || deal.isEmpty()) {
            // a cancelled order's deal request is skipped too: there is nothing to mark lost
            return Optional.of("the order has no deal in " + provider.get().name());
        }
        OrderStatus now = order.get().status();
        if (now != OrderStatus.CANCELLED && now != OrderStatus.FULFILLED) {
            return Optional.of("the order is " + now + " now");
        }
        String reason = message.payload() instanceof OutboxPayload.CrmDealStatus p ? p.reason() : null;
        CrmDealUpdate update = new CrmDealUpdate(
                deal.get().remoteId(),
                now == OrderStatus.FULFILLED ? CrmDealUpdate.WON : CrmDealUpdate.LOST,
                reason != null ? reason : "Order " + order.get().number() + " cancelled");
        Instant written = call(provider.get(), () -> gateway(provider.get()).updateDeal(provider.get(), update));
        tx.requiringNew(() -> {
            Map<String, Object> metadata = new LinkedHashMap<>(deal.get().metadata());
            metadata.put("status", update.status());
            if (written != null) {
                metadata.put("update_time", written.toString());
            }
            links.recordCrmDeal(
                    orderId, new Link(deal.get().provider(), deal.get().remoteId(), metadata));
            outbox.succeeded(message.id(), clock.instant());
            return null;
        });
        return Optional.empty();
    }

    /** The CRM deals of the lead's orders that are still open here (neither cancelled nor fulfilled). */
    private java.util.List<Link> dealsOfLead(LeadId leadId, String providerName) {
        return orders
                .list(
                        new OrderRepository.OrderQuery(
                                java.util.EnumSet.of(OrderStatus.SENT, OrderStatus.IN_FULFILLMENT),
                                null,
                                null,
                                leadId,
                                false,
                                null,
                                null,
                                100),
                        new com.tentabo.prm.domain.access.TenantScope.Everything())
                .stream()
                .flatMap(order -> links.crmDeal(order.id()).stream())
                .filter(link -> providerName.equalsIgnoreCase(link.provider()))
                .toList();
    }

    private CrmGateway gateway(ProviderSettings provider) {
        return crmGateways
                .forName(provider.name())
                .orElseThrow(() -> ProviderFailure.permanent(
                        "the active CRM provider '" + provider.name() + "' has no adapter in this version"));
    }

    private Instant call(ProviderSettings provider, java.util.function.Supplier<Instant> write) {
        try {
            return write.get();
        } catch (ProviderFailure failure) {
            health.afterFailure(provider, failure);
            throw failure;
        }
    }
}
