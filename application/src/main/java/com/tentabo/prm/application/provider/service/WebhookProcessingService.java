package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.notification.NotificationEvents;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.outbox.OutboxSettings;
import com.tentabo.prm.application.provider.BillingQuote;
import com.tentabo.prm.application.provider.CrmActivity;
import com.tentabo.prm.application.provider.CrmLead;
import com.tentabo.prm.application.provider.CrmNote;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.application.provider.WebhookSubject;
import com.tentabo.prm.application.provider.port.in.ProcessWebhooksUseCase;
import com.tentabo.prm.application.provider.port.out.BillingGateway;
import com.tentabo.prm.application.provider.port.out.CrmGateway;
import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.application.provider.port.out.WebhookGateway;
import com.tentabo.prm.application.provider.port.out.WebhookQueueRepository;
import com.tentabo.prm.application.provider.port.out.WebhookQueueRepository.Received;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.application.shared.port.out.WorkQueueRepository.Claimed;
import com.tentabo.prm.application.shared.workqueue.Failure;
import com.tentabo.prm.application.shared.workqueue.WorkQueueWorker;
import com.tentabo.prm.application.shared.workqueue.WorkQueueWorker.Outcome;
import com.tentabo.prm.application.shared.workqueue.WorkQueueWorker.Tally;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.WebhookEventId;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Processes stored webhooks with the outbox's loop ({@link WorkQueueWorker}): claim a batch (one short transaction,
 * {@code FOR UPDATE SKIP LOCKED} with a lease), read the CRM with no transaction open, then record the outcome in one
 * transaction.
 *
 * <p>A CRM's lead event ({@code lead.create}, {@code lead.change}) fetches the lead as the CRM holds it now and
 * creates or refreshes the PRM lead ({@link CrmLeadImport}); so out-of-order or repeated deliveries converge on the
 * CRM's current state. {@code lead.delete}, or a lead the CRM no longer has, marks the PRM lead
 * {@code deleted_in_crm}. Any other event ends {@code ignored}. A failure the CRM may get over is retried with the
 * outbox's backoff ({@link OutboxSettings}, by the loop); a permanent one, or a lead the PRM's rules refuse, ends {@code failed}
 * with the reason.
 */
@ApplicationScoped
public class WebhookProcessingService implements ProcessWebhooksUseCase {

    static final String WEBHOOK_WORKER = "webhook-worker";
    static final String ACTIVITY = "activity";
    static final String NOTE = "note";
    static final String SYNC_EVENT = ProviderSyncRecords.SYNC_EVENT;

    private final Transactions tx;
    private final WebhookQueueRepository events;
    private final ProviderConfigDirectory providers;
    private final CrmLeadImport imports;
    private final Notifier notifier;
    private final ProviderGateways<WebhookGateway> webhookGateways;
    private final ProviderGateways<CrmGateway> crmGateways;
    private final WorkQueueWorker<WebhookEventId, Received> worker;
    private final ProviderHealthMarks health;
    private final ProviderGateways<BillingGateway> billingGateways;
    private final BillingQuoteRecords quotes;
    private final CrmFollowUpImport followUps;
    private final Clock clock;

    public WebhookProcessingService(
            Transactions tx,
            WebhookQueueRepository events,
            ProviderConfigDirectory providers,
            CrmLeadImport imports,
            Notifier notifier,
            ProviderGateways<WebhookGateway> webhookGateways,
            ProviderGateways<CrmGateway> crmGateways,
            OutboxSettings settings,
            ProviderHealthMarks health,
            ProviderGateways<BillingGateway> billingGateways,
            BillingQuoteRecords quotes,
            CrmFollowUpImport followUps,
            Clock clock) {
        this.tx = tx;
        this.followUps = followUps;
        this.events = events;
        this.providers = providers;
        this.imports = imports;
        this.notifier = notifier;
        this.health = health;
        this.billingGateways = billingGateways;
        this.quotes = quotes;
        this.webhookGateways = webhookGateways;
        this.crmGateways = crmGateways;
        this.worker = new WorkQueueWorker<>("Webhook event", events, tx, settings, clock);
        this.clock = clock;
    }

    @Override
    public Run processDue() {
        Tally tally = worker.run(new Processing());
        return new Run(
                tally.of(Outcome.SUCCEEDED),
                tally.of(Outcome.SETTLED),
                tally.of(Outcome.RETRIED),
                tally.of(Outcome.DEAD_LETTERED));
    }

    /** One event: applied, ignored, or failed for the worker to back off or give up. */
    private final class Processing implements WorkQueueWorker.Handler<WebhookEventId, Received> {

        @Override
        public Outcome handle(Claimed<WebhookEventId, Received> event) {
            return process(event);
        }

        /** The CRM's lead breaks a PRM rule (an e-mail that is not one, a value with 3 decimals…): fix it in the CRM. */
        @Override
        public Optional<Failure> read(RuntimeException thrown) {
            return thrown instanceof DomainException refused
                    ? Optional.of(Failure.permanent("the CRM's lead is refused: " + refused.getMessage()))
                    : Optional.empty();
        }

        /** The admins are told, in the transaction that marks the event failed. */
        @Override
        public void gaveUp(Claimed<WebhookEventId, Received> event, String reason) {
            notifier.notify(NotificationEvents.webhookEventFailed(
                    event.id().value(),
                    event.item().providerName(),
                    event.item().eventType(),
                    reason));
        }
    }

    private Outcome process(Claimed<WebhookEventId, Received> claimed) {
        WebhookEventId eventId = claimed.id();
        Received event = claimed.item();
        ProviderSettings provider = tx.requiringNew(() -> providers.activeSettingsNamed(event.providerName()))
                .orElseThrow(() -> ProviderFailure.permanent("provider '" + event.providerName()
                        + "' is not active: its events wait for a person to requeue them"));
        Optional<WebhookSubject> subject = webhookGateways
                .forName(provider.name())
                .flatMap(gateway -> gateway.subject(event.eventType(), event.payloadJson()));
        if (subject.isPresent()
                && WebhookSubject.QUOTE.equals(subject.get().entity())
                && provider.type() == ProviderType.BILLING) {
            return quoteChanged(eventId, provider, subject.get());
        }
        Optional<CrmGateway> crm =
                provider.type() == ProviderType.CRM ? crmGateways.forName(provider.name()) : Optional.empty();
        if (subject.isPresent()
                && crm.isPresent()
                && (ACTIVITY.equals(subject.get().entity())
                        || NOTE.equals(subject.get().entity()))) {
            return followUpChanged(eventId, provider, crm.get(), subject.get());
        }
        if (subject.isEmpty() || !WebhookSubject.LEAD.equals(subject.get().entity()) || crm.isEmpty()) {
            settle(eventId, WebhookEventStatus.IGNORED);
            return Outcome.SETTLED;
        }
        String leadId = subject.get().entityId();
        Optional<String> known = tx.requiringNew(() -> imports.alreadyApplied(provider.name(), subject.get()));
        if (known.isPresent()) {
            // the echo of the PRM's own write, or a copy older than the one applied: no call, nothing changes
            tx.requiringNew(() -> events.settle(eventId, WebhookEventStatus.IGNORED, known.get(), clock.instant()));
            return Outcome.SETTLED;
        }
        Optional<CrmLead> lead;
        try {
            lead = WebhookSubject.DELETE.equals(subject.get().action())
                    ? Optional.empty()
                    : crm.get().lead(provider, leadId);
        } catch (ProviderFailure failure) {
            health.afterFailure(provider, failure);
            throw failure;
        }
        if (lead.isEmpty()) {
            tx.requiringNew(() -> imports.leadGone(eventId, provider.name(), leadId, clock.instant()));
            return Outcome.SUCCEEDED;
        }
        // a lead new to the PRM, or one a sync queued (webhooks may have been missed), brings all its activities
        // and notes; afterwards their own webhooks keep them in step
        boolean wholeLead = SYNC_EVENT.equals(event.eventType())
                || "create".equals(subject.get().action())
                || !tx.requiringNew(() -> imports.isKnown(provider.name(), leadId));
        List<CrmActivity> activities;
        List<CrmNote> notes;
        try {
            activities = wholeLead ? crm.get().activitiesOfLead(provider, leadId) : List.of();
            notes = wholeLead ? crm.get().notesOfLead(provider, leadId) : List.of();
        } catch (ProviderFailure failure) {
            health.afterFailure(provider, failure);
            throw failure;
        }
        tx.requiringNew(() -> {
            imports.importLead(eventId, provider, lead.get(), clock.instant());
            if (wholeLead) {
                followUps.reconcile(provider.name(), leadId, activities, notes, clock.instant());
            }
        });
        return Outcome.SUCCEEDED;
    }

    /**
     * A billing provider's quote event: the quote is read as the provider holds it now and recorded on the order the
     * PRM issued it for (the same record as the changelog poller's); a quote the PRM did not issue is ignored.
     */
    private Outcome quoteChanged(WebhookEventId eventId, ProviderSettings provider, WebhookSubject subject) {
        Optional<BillingGateway> billing = billingGateways.forName(provider.name());
        Optional<OrderId> order = tx.requiringNew(() -> quotes.orderOf(provider.name(), subject.entityId()));
        if (billing.isEmpty() || order.isEmpty() || WebhookSubject.DELETE.equals(subject.action())) {
            settle(eventId, WebhookEventStatus.IGNORED);
            return Outcome.SETTLED;
        }
        Optional<BillingQuote> quote;
        try {
            quote = billing.get().quote(provider, subject.entityId());
        } catch (ProviderFailure failure) {
            health.afterFailure(provider, failure);
            throw failure;
        }
        quote.ifPresent(found -> tx.requiringNew(
                () -> quotes.record(order.get(), provider.name(), found, WEBHOOK_WORKER, clock.instant())));
        settle(eventId, WebhookEventStatus.PROCESSED);
        return Outcome.SUCCEEDED;
    }

    /**
     * A CRM's activity or note event: the object is read as the CRM holds it now (a delete: gone) and kept on the
     * imported lead it is linked to, or removed; one about no imported lead ends {@code ignored}.
     */
    private Outcome followUpChanged(
            WebhookEventId eventId, ProviderSettings provider, CrmGateway crm, WebhookSubject subject) {
        boolean deleted = WebhookSubject.DELETE.equals(subject.action());
        try {
            if (ACTIVITY.equals(subject.entity())) {
                Optional<CrmActivity> activity =
                        deleted ? Optional.empty() : crm.activity(provider, subject.entityId());
                tx.requiringNew(() ->
                        followUps.activity(eventId, provider.name(), subject.entityId(), activity, clock.instant()));
            } else {
                Optional<CrmNote> note = deleted ? Optional.empty() : crm.note(provider, subject.entityId());
                tx.requiringNew(
                        () -> followUps.note(eventId, provider.name(), subject.entityId(), note, clock.instant()));
            }
        } catch (ProviderFailure failure) {
            health.afterFailure(provider, failure);
            throw failure;
        }
        return Outcome.SUCCEEDED;
    }

    private void settle(WebhookEventId eventId, WebhookEventStatus status) {
        tx.requiringNew(() -> events.settle(eventId, status, null, clock.instant()));
    }
}
