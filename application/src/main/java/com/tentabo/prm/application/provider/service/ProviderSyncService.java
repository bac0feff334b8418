package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.contract.port.out.ContractInvoiceRepository.Billed;
import com.tentabo.prm.application.provider.BillingInvoice;
import com.tentabo.prm.application.provider.CrmLeadListing;
import com.tentabo.prm.application.provider.CrmLeadPage;
import com.tentabo.prm.application.provider.LeadCursor;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.SyncRunStatus;
import com.tentabo.prm.application.provider.port.in.SyncProviderUseCase;
import com.tentabo.prm.application.provider.port.out.BillingGateway;
import com.tentabo.prm.application.provider.port.out.CrmGateway;
import com.tentabo.prm.application.provider.port.out.SyncLogRepository.SyncRun;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.id.SyncLogId;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Lists what the CRM changed since the last run's cursor, page by page with no transaction open while the CRM is
 * called, and queues each changed lead for the webhook worker (one transaction per page). Until a lead sync of the
 * provider has once ended {@code success}, the run is the first full import instead: each page is read whole from the
 * CRM ({@link CrmGateway#leadsWithDetailsSince}) and written at once ({@link CrmLeadImport#importPage}, one
 * transaction per page); only a lead the PRM's rules refuse is queued, for its event to fail with the reason. Either
 * way the next page is read from the CRM while one is written. The run is recorded
 * whatever happens, with the cursor the next run starts from ({@link LeadCursor}): {@code success} (the next run lists
 * what changed since this one started), {@code partial} when the CRM's rate limit stopped it (a burst 429 or the
 * daily budget) or {@code failed} with the CRM's error — both with how many leads were queued before (those stay
 * queued) and a cursor just after the last lead queued, so the next run resumes there instead of starting over.
 * <p>
 * A billing provider is synced contract by contract: for every ACTIVE or EXPIRED contract whose order it quoted, the
 * quote's invoices are asked for (no transaction open meanwhile) and replace the contract's {@code billing_invoices}
 * in a transaction of their own, audited when they changed. A contract whose call fails is counted as failed and the
 * run goes on; the run ends {@code success}, {@code partial} (some failed) or {@code failed} (all failed).
 */
@ApplicationScoped
public class ProviderSyncService implements SyncProviderUseCase {

    /** A CRM that keeps answering a next page stops here (100 000 leads at 100 a page). */
    static final int MAX_PAGES = 1000;

    /** Pages of a first import written at once, each in its own transaction. */
    static final int FIRST_IMPORT_WRITERS = 2;
    /**
     * The longest {@code retryAfter} a rate-limited billing call is waited for (Pennylane: 25 calls per 5 s, so its
     * hint is a few seconds) before the contract is asked again, once; a longer hint fails the contract.
     */
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(10);

    private final Transactions tx;
    private final ProviderSyncRecords records;
    private final CrmLeadImport imports;
    private final ProviderGateways<CrmGateway> crmGateways;
    private final ProviderGateways<BillingGateway> billingGateways;
    private final ProviderHealthMarks health;
    private final IdGenerator ids;
    private final Clock clock;

    public ProviderSyncService(
            Transactions tx,
            ProviderSyncRecords records,
            CrmLeadImport imports,
            ProviderGateways<CrmGateway> crmGateways,
            ProviderGateways<BillingGateway> billingGateways,
            ProviderHealthMarks health,
            IdGenerator ids,
            Clock clock) {
        this.tx = tx;
        this.records = records;
        this.imports = imports;
        this.health = health;
        this.crmGateways = crmGateways;
        this.billingGateways = billingGateways;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public SyncLogRecord sync(Caller caller, ProviderId providerId) {
        AccessPolicy.require(caller, Capability.SYSTEM_WRITE);
        return run(providerId);
    }

    @Override
    public Optional<SyncLogRecord> syncActive(ProviderType type) {
        Optional<ProviderId> active = tx.requiringNew(() -> records.activeProvider(type));
        if (active.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(run(active.get()));
        } catch (DomainException notSyncable) {
            // no adapter for the active provider (or it was deactivated meanwhile): nothing to run on a schedule
            return Optional.empty();
        }
    }

    private SyncLogRecord run(ProviderId providerId) {
        ProviderSettings settings = tx.requiringNew(() -> records.syncable(providerId));
        if (settings.type() == ProviderType.BILLING) {
            return syncInvoices(providerId, settings);
        }
        CrmGateway crm = crmGateways
                .forName(settings.name())
                .orElseThrow(() -> new DomainException(
                        ErrorCode.BUSINESS_RULE_VIOLATED,
                        "This version cannot sync provider '" + settings.name() + "'"));
        Instant started = clock.instant();
        Optional<Instant> lastSuccess = tx.requiringNew(() -> records.lastSuccess(providerId));
        LeadCursor from = tx.requiringNew(() -> records.leadCursor(providerId))
                .flatMap(LeadCursor::parse)
                .orElseGet(() -> new LeadCursor(lastSuccess.orElse(null), 0));
        // no run ever finished: the first full import, resumed where a stopped one left it
        boolean full = lastSuccess.isEmpty();
        Function<String, Step> read = full
                ? cursor -> {
                    CrmLeadListing page = crm.leadsWithDetailsSince(settings, from.since(), cursor);
                    IntSupplier write = () -> tx.requiringNew(() -> {
                        Instant now = clock.instant();
                        CrmLeadImport.PageImport done = imports.importPage(settings, page.leads(), now);
                        // a lead the PRM's rules refuse goes the one-lead way: its event fails, naming why
                        records.queue(settings.name(), settings.type(), new CrmLeadPage(done.refused(), null), now);
                        return done.written();
                    });
                    return new Step(write, page.changes(), page.next());
                }
                : cursor -> {
                    CrmLeadPage page = crm.leadsChangedSince(settings, from.since(), cursor);
                    IntSupplier write = () -> tx.requiringNew(
                            () -> records.queue(settings.name(), settings.type(), page, clock.instant()));
                    return new Step(write, page.leads(), page.next());
                };
        LeadCursor.Progress progress = from.progress();
        int written = 0;
        String error = null;
        boolean rateLimited = false;
        // the next page is read from the CRM while this one is written (one page ahead); a first import writes two
        // pages at once (each in its own transaction) so that the database's work uses both cores of a small machine
        ExecutorService ahead = Executors.newSingleThreadExecutor();
        int writers = full ? FIRST_IMPORT_WRITERS : 1;
        ExecutorService writing = Executors.newFixedThreadPool(writers);
        Deque<Writing> inFlight = new ArrayDeque<>();
        try {
            Set<String> seen = new HashSet<>();
            String first = from.skip() == 0 ? null : String.valueOf(from.skip());
            Future<Step> reading = ahead.submit(() -> read.apply(first));
            int pages = 0;
            while (reading != null) {
                Step page = result(reading);
                String next = page.next();
                boolean endless = next != null && !seen.add(next) || ++pages >= MAX_PAGES;
                reading = next == null || endless ? null : ahead.submit(() -> read.apply(next));
                Set<String> leads = page.leadIds();
                // a lead listed again (it changed during the listing) is written after its earlier copy committed
                boolean overlaps = inFlight.stream().anyMatch(w -> !Collections.disjoint(w.leads(), leads));
                written += settleDownTo(inFlight, overlaps ? 0 : writers - 1, progress);
                inFlight.addLast(new Writing(writing.submit(page.write()::getAsInt), page.changes(), leads));
                if (endless) {
                    error = "the CRM kept answering pages (stopped after " + pages + ")";
                }
            }
            // pages are settled in their order: the resume point never passes a page that was not written
            written += settleDownTo(inFlight, 0, progress);
        } catch (ProviderFailure failure) {
            health.afterFailure(settings, failure);
            error = failure.getMessage();
            rateLimited = failure.isRateLimited();
            // the pages already being written still count, in their order, up to the first that did not commit
            try {
                written += settleDownTo(inFlight, 0, progress);
            } catch (RuntimeException notWritten) {
                // the run's log says both: why it stopped, and that a page read before then was not written either
                error = error + "; a page read before that was not written: " + notWritten.getMessage();
                inFlight.clear();
            }
        } finally {
            ahead.shutdownNow();
            writing.shutdown();
            awaitWriters(writing);
        }
        String details = error == null
                ? null
                : "{\"error\": \"" + ProviderSyncRecords.json(error) + "\", \"" + (full ? "imported" : "queued")
                        + "\": " + written + "}";
        SyncRunStatus status = SyncRunStatus.of(error == null, rateLimited);
        // a finished run is the next one's starting point; one that stopped is resumed where it stopped
        String next = (error == null ? new LeadCursor(started, 0) : progress.resumePoint()).format();
        SyncRun run = new SyncRun(
                new SyncLogId(ids.newId()),
                providerId,
                full ? "full" : "incremental",
                ProviderSyncRecords.LEAD,
                "pull",
                written,
                error == null ? 0 : 1,
                details,
                status,
                started,
                clock.instant(),
                next);
        return tx.requiringNew(() -> records.record(run));
    }

    /**
     * One page of a lead sync, read: what writes it (in a transaction of its own, answering the leads written or
     * queued), its changes, the next page's cursor.
     */
    private record Step(IntSupplier write, List<CrmLeadPage.Change> changes, String next) {
        Set<String> leadIds() {
            Set<String> ids = new HashSet<>();
            changes.forEach(change -> ids.add(change.leadId()));
            return ids;
        }
    }

    /** A page being written: its transaction's outcome (the leads written or queued), its changes and its leads. */
    private record Writing(Future<Integer> outcome, List<CrmLeadPage.Change> changes, Set<String> leads) {}

    /**
     * Waits, oldest first, for pages' transactions until at most {@code left} are in flight; once a page committed, its
     * changes count towards the resume point. Answers the leads the settled pages wrote or queued.
     */
    private static int settleDownTo(Deque<Writing> inFlight, int left, LeadCursor.Progress progress) {
        int written = 0;
        while (inFlight.size() > left) {
            Writing page = inFlight.removeFirst();
            written += result(page.outcome());
            page.changes().forEach(progress::handled);
        }
        return written;
    }

    /** Lets a page whose write has started finish (a transaction is never cut off midway by the run's end). */
    private static void awaitWriters(ExecutorService writing) {
        try {
            if (!writing.awaitTermination(5, TimeUnit.MINUTES)) {
                writing.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writing.shutdownNow();
        }
    }

    /** A page read ahead, or a page's write; a failure is thrown as it is. */
    private static <T> T result(Future<T> reading) {
        try {
            return reading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("reading or writing a page of the CRM failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading or writing a page of the CRM", e);
        }
    }

    private SyncLogRecord syncInvoices(ProviderId providerId, ProviderSettings settings) {
        BillingGateway billing = billingGateways
                .forName(settings.name())
                .orElseThrow(() -> new DomainException(
                        ErrorCode.BUSINESS_RULE_VIOLATED,
                        "This version cannot sync provider '" + settings.name() + "'"));
        Instant started = clock.instant();
        List<Billed> contracts = tx.requiringNew(() -> records.billedThrough(settings.name()));
        int changed = 0;
        int failed = 0;
        String details = null;
        for (Billed contract : contracts) {
            try {
                List<BillingInvoice> invoices = invoicesOf(billing, settings, contract.quoteId());
                if (tx.requiringNew(() ->
                        records.recordInvoices(contract.contractId(), settings.name(), invoices, clock.instant()))) {
                    changed++;
                }
            } catch (RuntimeException e) {
                if (e instanceof ProviderFailure failure) {
                    health.afterFailure(settings, failure);
                }
                failed++;
                if (details == null) {
                    String error = e instanceof ProviderFailure
                            ? e.getMessage()
                            : "the invoices could not be recorded ("
                                    + e.getClass().getSimpleName() + ")";
                    details = "{\"error\": \"" + ProviderSyncRecords.json(error) + "\", \"contract_id\": \""
                            + contract.contractId() + "\", \"contract_number\": \""
                            + ProviderSyncRecords.json(contract.contractNumber()) + "\"}";
                }
            }
        }
        SyncRunStatus status = SyncRunStatus.of(failed == 0, failed < contracts.size());
        SyncRun run = new SyncRun(
                new SyncLogId(ids.newId()),
                providerId,
                "full",
                ProviderSyncRecords.INVOICE,
                "pull",
                changed,
                failed,
                details,
                status,
                started,
                clock.instant());
        return tx.requiringNew(() -> records.record(run));
    }

    /**
     * The quote's invoices; a rate-limited call whose {@code retryAfter} is at most {@link #MAX_RETRY_WAIT} is waited
     * for (this thread sleeps, bounded by that) and made once more. Any other failure is the caller's.
     */
    private static List<BillingInvoice> invoicesOf(BillingGateway billing, ProviderSettings settings, String quoteId) {
        try {
            return billing.invoicesForQuote(settings, quoteId);
        } catch (ProviderFailure failure) {
            Duration wait = failure.isRetryable() ? failure.retryAfter().orElse(null) : null;
            if (wait == null || wait.isNegative() || wait.compareTo(MAX_RETRY_WAIT) > 0) {
                throw failure;
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
            return billing.invoicesForQuote(settings, quoteId);
        }
    }
}
