package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.BillingQuote;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.QuoteChangePage;
import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.SyncRunStatus;
import com.tentabo.prm.application.provider.port.in.PollBillingQuotesUseCase;
import com.tentabo.prm.application.provider.port.out.BillingGateway;
import com.tentabo.prm.application.provider.port.out.SyncLogRepository.SyncRun;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.id.SyncLogId;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the active billing provider's change feed of quotes from where the last run stopped (the newest change it
 * handled, kept as the run's cursor; the first run, or one after a long stop, goes back {@link #LOOKBACK}: Pennylane
 * keeps four weeks), and for each changed quote the PRM issued, reads the quote and records its status and totals on
 * the order ({@link BillingQuoteRecords#record}). No transaction is open while the provider is called. A failure stops
 * the run where it is: the run ends {@code partial} (something was handled) or {@code failed}, its cursor before the
 * change that failed, so that the next run starts there again.
 */
@ApplicationScoped
public class BillingQuoteStatusService implements PollBillingQuotesUseCase {

    /** How far back a run without a usable cursor looks (Pennylane answers 422 beyond four weeks). */
    static final Duration LOOKBACK = Duration.ofDays(27);
    /** A feed that keeps answering a next page stops here (1 000 000 changes at 1000 a page). */
    static final int MAX_PAGES = 1000;

    public static final String POLLER = "billing-poller";

    private final Transactions tx;
    private final ProviderSyncRecords sync;
    private final BillingQuoteRecords records;
    private final ProviderGateways<BillingGateway> billingGateways;
    private final ProviderHealthMarks health;
    private final IdGenerator ids;
    private final Clock clock;

    public BillingQuoteStatusService(
            Transactions tx,
            ProviderSyncRecords sync,
            BillingQuoteRecords records,
            ProviderGateways<BillingGateway> billingGateways,
            ProviderHealthMarks health,
            IdGenerator ids,
            Clock clock) {
        this.tx = tx;
        this.sync = sync;
        this.records = records;
        this.billingGateways = billingGateways;
        this.health = health;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Optional<SyncLogRecord> pollActive() {
        Optional<ProviderId> providerId = tx.requiringNew(() -> sync.activeProvider(ProviderType.BILLING));
        if (providerId.isEmpty()) {
            return Optional.empty();
        }
        ProviderSettings settings;
        try {
            settings = tx.requiringNew(() -> sync.syncable(providerId.get()));
        } catch (DomainException deactivatedMeanwhile) {
            return Optional.empty();
        }
        Optional<BillingGateway> gateway = billingGateways.forName(settings.name());
        return gateway.map(billing -> run(providerId.get(), settings, billing));
    }

    private SyncLogRecord run(ProviderId providerId, ProviderSettings settings, BillingGateway billing) {
        Instant started = clock.instant();
        Instant floor = started.minus(LOOKBACK);
        Optional<Instant> stored =
                tx.requiringNew(() -> records.lastCursor(providerId)).map(BillingQuoteStatusService::instant);
        Instant since = stored.filter(at -> at != null && at.isAfter(floor)).orElse(floor);
        Instant watermark = since;
        int changed = 0;
        int handled = 0;
        String error = null;
        try {
            Set<String> seenQuotes = new HashSet<>();
            Set<String> seenCursors = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                QuoteChangePage page = billing.quoteChanges(settings, since, cursor);
                for (QuoteChangePage.Change change : page.changes()) {
                    if (seenQuotes.add(change.quoteId()) && !change.deleted()) {
                        Optional<OrderId> order =
                                tx.requiringNew(() -> records.orderOf(settings.name(), change.quoteId()));
                        if (order.isPresent()) {
                            Optional<BillingQuote> quote = billing.quote(settings, change.quoteId());
                            if (quote.isPresent()
                                    && tx.requiringNew(() -> records.record(
                                            order.get(), settings.name(), quote.get(), POLLER, clock.instant()))) {
                                changed++;
                            }
                        }
                    }
                    handled++;
                    if (change.processedAt() != null && change.processedAt().isAfter(watermark)) {
                        watermark = change.processedAt();
                    }
                }
                cursor = page.next();
                if (cursor != null && !seenCursors.add(cursor) || ++pages >= MAX_PAGES) {
                    error = "the billing provider kept answering pages of quote changes (stopped after " + pages + ")";
                    cursor = null;
                }
            } while (cursor != null);
        } catch (ProviderFailure failure) {
            health.afterFailure(settings, failure);
            error = failure.getMessage();
        }
        SyncRunStatus status = SyncRunStatus.of(error == null, handled > 0);
        String details = error == null
                ? null
                : "{\"error\": \"" + ProviderSyncRecords.json(error) + "\", \"handled\": " + handled + "}";
        SyncRun run = new SyncRun(
                new SyncLogId(ids.newId()),
                providerId,
                stored.isPresent() ? "incremental" : "full",
                BillingQuoteRecords.QUOTE,
                "pull",
                changed,
                error == null ? 0 : 1,
                details,
                status,
                started,
                clock.instant(),
                watermark.toString());
        return tx.requiringNew(() -> sync.record(run));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
