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
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository.Claimed;
import com.tentabo.prm.application.provider.port.out.WebhookGateway;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Processes stored webhooks like the outbox delivers: claim a batch (one short transaction, {@code FOR UPDATE SKIP
 * LOCKED} with a lease), read the CRM with no transaction open, then record the outcome in one transaction.
 *
 * <p>A CRM's lead event ({@code lead.create}, {@code lead.change}) fetches the lead as the CRM holds it now and
 * creates or refreshes the PRM lead ({@link CrmLeadImport}); so out-of-order or repeated deliveries converge on the
 * CRM's current state. {@code lead.delete}, or a lead the CRM no longer has, marks the PRM lead
 * {@code deleted_in_crm}. Any other event ends {@code ignored}. A failure the CRM may get over is retried with the
 * outbox's backoff ({@link OutboxSettings}); a permanent one, or a lead the PRM's rules refuse, ends {@code failed}
 * with the reason.
 */
@ApplicationScoped
public class WebhookProcessingService implements ProcessWebhooksUseCase {

    private static final System.Logger LOG = System.getLogger(WebhookProcessingService.class.getName());

    private enum Outcome {
        PROCESSED,
        IGNORED,
        RETRIED,
        FAILED
    }

    static final String WEBHOOK_WORKER = "webhook-worker";
    static final String ACTIVITY = "activity";
    static final String NOTE = "note";
    static final String SYNC_EVENT = ProviderSyncRecords.SYNC_EVENT;

    private final Transactions tx;
    private final WebhookEventRepository events;
    private final ProviderConfigDirectory providers;
    private final CrmLeadImport imports;
    private final Notifier notifier;
    private final ProviderGateways<WebhookGateway> webhookGateways;
    private final ProviderGateways<CrmGateway> crmGateways;
    private final OutboxSettings settings;
    private final ProviderHealthMarks health;
    private final ProviderGateways<BillingGateway> billingGateways;
    private final BillingQuoteRecords quotes;
    private final CrmFollowUpImport followUps;
    private final Clock clock;

    public WebhookProcessingService(
            Transactions tx,
            WebhookEventRepository events,
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
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Run processDue() {
        Instant now = clock.instant();
        int processed = 0;
        int ignored = 0;
        int retried = 0;
        int failed = 0;
        List<Claimed> claimed =
                tx.requiringNew(() -> events.claimDue(now, now.plus(settings.lease()), settings.batchSize()));
        for (Claimed event : claimed) {
            switch (process(event)) {
                case PROCESSED -> processed++;
                case IGNORED -> ignored++;
                case RETRIED -> retried++;
                case FAILED -> failed++;
            }
        }
        return new Run(processed, ignored, retried, failed);
    }

    private Outcome process(Claimed event) {
        try {
            ProviderSettings provider = tx.requiringNew(() -> providers.activeSettingsNamed(event.providerName()))
                    .orElseThrow(() -> ProviderFailure.permanent("provider '" + event.providerName()
                            + "' is not active: its events wait for a person to requeue them"));
            Optional<WebhookSubject> subject = webhookGateways
                    .forName(provider.name())
                    .flatMap(gateway -> gateway.subject(event.eventType(), event.payloadJson()));
            if (subject.isPresent()
                    && WebhookSubject.QUOTE.equals(subject.get().entity())
                    && provider.type() == ProviderType.BILLING) {
                return quoteChanged(event, provider, subject.get());
            }
            Optional<CrmGateway> crm =
                    provider.type() == ProviderType.CRM ? crmGateways.forName(provider.name()) : Optional.empty();
            if (subject.isPresent()
                    && crm.isPresent()
                    && (ACTIVITY.equals(subject.get().entity())
                            || NOTE.equals(subject.get().entity()))) {
                return followUpChanged(event, provider, crm.get(), subject.get());
            }
            if (subject.isEmpty() || !WebhookSubject.LEAD.equals(subject.get().entity()) || crm.isEmpty()) {
                settle(event, WebhookEventStatus.IGNORED);
                return Outcome.IGNORED;
            }
            String leadId = subject.get().entityId();
            Optional<String> known = tx.requiringNew(() -> imports.alreadyApplied(provider.name(), subject.get()));
            if (known.isPresent()) {
                // the echo of the PRM's own write, or a copy older than the one applied: no call, nothing changes
                tx.requiringNew(() ->
                        events.settleWithReason(event.id(), WebhookEventStatus.IGNORED, known.get(), clock.instant()));
                return Outcome.IGNORED;
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
                tx.requiringNew(() -> imports.leadGone(event.id(), provider.name(), leadId, clock.instant()));
                return Outcome.PROCESSED;
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
                imports.importLead(event.id(), provider, lead.get(), clock.instant());
                if (wholeLead) {
                    followUps.reconcile(provider.name(), leadId, activities, notes, clock.instant());
                }
            });
            return Outcome.PROCESSED;
        } catch (ProviderFailure failure) {
            return afterFailure(event, failure.getMessage(), failure.isRetryable(), failure.retryAfter());
        } catch (DomainException refused) {
            // the CRM's lead breaks a PRM rule (an e-mail that is not one, a value with 3 decimals…): fix it in the CRM
            return afterFailure(event, "the CRM's lead is refused: " + refused.getMessage(), false, Optional.empty());
        } catch (RuntimeException unexpected) {
            LOG.log(System.Logger.Level.ERROR, "Webhook event " + event.id() + " failed unexpectedly", unexpected);
            return afterFailure(
                    event, "unexpected error: " + unexpected.getClass().getSimpleName(), true, Optional.empty());
        }
    }

    /**
     * A billing provider's quote event: the quote is read as the provider holds it now and recorded on the order the
     * PRM issued it for (the same record as the changelog poller's); a quote the PRM did not issue is ignored.
     */
    private Outcome quoteChanged(Claimed event, ProviderSettings provider, WebhookSubject subject) {
        Optional<BillingGateway> billing = billingGateways.forName(provider.name());
        Optional<UUID> order = tx.requiringNew(() -> quotes.orderOf(provider.name(), subject.entityId()));
        if (billing.isEmpty() || order.isEmpty() || WebhookSubject.DELETE.equals(subject.action())) {
            settle(event, WebhookEventStatus.IGNORED);
            return Outcome.IGNORED;
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
        settle(event, WebhookEventStatus.PROCESSED);
        return Outcome.PROCESSED;
    }

    /**
     * A CRM's activity or note event: the object is read as the CRM holds it now (a delete: gone) and kept on the
     * imported lead it is linked to, or removed; one about no imported lead ends {@code ignored}.
     */
    private Outcome followUpChanged(Claimed event, ProviderSettings provider, CrmGateway crm, WebhookSubject subject) {
        boolean deleted = WebhookSubject.DELETE.equals(subject.action());
        try {
            if (ACTIVITY.equals(subject.entity())) {
                Optional<CrmActivity> activity =
                        deleted ? Optional.empty() : crm.activity(provider, subject.entityId());
                tx.requiringNew(() ->
                        followUps.activity(event.id(), provider.name(), subject.entityId(), activity, clock.instant()));
            } else {
                Optional<CrmNote> note = deleted ? Optional.empty() : crm.note(provider, subject.entityId());
                tx.requiringNew(
                        () -> followUps.note(event.id(), provider.name(), subject.entityId(), note, clock.instant()));
            }
        } catch (ProviderFailure failure) {
            health.afterFailure(provider, failure);
            throw failure;
        }
        return Outcome.PROCESSED;
    }

    private Outcome afterFailure(Claimed event, String error, boolean retryable, Optional<Duration> retryAfter) {
        String text = OutboxSettings.errorText(error);
        Optional<Instant> next =
                settings.nextAttempt(event.attempt(), event.id(), retryable, retryAfter, clock.instant());
        if (next.isEmpty()) {
            String reason = retryable ? "gave up after " + event.attempt() + " attempts: " + text : text;
            tx.requiringNew(() -> {
                events.markFailed(event.id(), reason, clock.instant());
                notifier.notify(NotificationEvents.webhookEventFailed(
                        event.id(), event.providerName(), event.eventType(), reason));
            });
            return Outcome.FAILED;
        }
        tx.requiringNew(() -> events.retryLater(event.id(), next.get(), text));
        return Outcome.RETRIED;
    }

    private void settle(Claimed event, WebhookEventStatus status) {
        tx.requiringNew(() -> events.settle(event.id(), status, clock.instant()));
    }
}
