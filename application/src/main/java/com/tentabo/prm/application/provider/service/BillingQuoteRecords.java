package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.notification.NotificationEvents;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.order.port.out.OrderProviderLinkRepository;
import com.tentabo.prm.application.order.port.out.OrderProviderLinkRepository.Link;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.provider.BillingQuote;
import com.tentabo.prm.application.provider.port.out.SyncLogRepository;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.order.Order;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Records a billing provider's quote as it holds it now on the order it was issued for ({@code billing_metadata}),
 * the order's row locked; its callers run each call in a transaction of its own. Shared by the changelog poller and
 * the webhook worker.
 */
@ApplicationScoped
public class BillingQuoteRecords {

    static final String QUOTE = "quote";
    static final String STATUS_CHANGED = "billing_quote.status";

    private final OrderProviderLinkRepository links;
    private final OrderRepository orders;
    private final SyncLogRepository syncLogs;
    private final AuditRecorder audit;
    private final Notifier notifier;

    public BillingQuoteRecords(
            OrderProviderLinkRepository links,
            OrderRepository orders,
            SyncLogRepository syncLogs,
            AuditRecorder audit,
            Notifier notifier) {
        this.links = links;
        this.orders = orders;
        this.syncLogs = syncLogs;
        this.audit = audit;
        this.notifier = notifier;
    }

    public Optional<String> lastCursor(ProviderId providerId) {
        return syncLogs.lastCursor(providerId, QUOTE);
    }

    /** The order the provider's quote was issued for, if the PRM issued it. */
    public Optional<OrderId> orderOf(String providerName, String quoteId) {
        return links.orderOfBillingQuote(providerName, quoteId);
    }

    /**
     * Writes the quote's status and totals onto the order's {@code billing_metadata} ({@code status},
     * {@code amount_before_tax}, {@code amount}, {@code totals_match}, {@code prm_amount_before_tax} when they differ,
     * {@code quote_updated_at}) and audits a change of status or of the totals' agreement
     * ({@value #STATUS_CHANGED}, user agent {@code agent}); a status that changed to accepted, denied or expired
     * tells the order's partner ({@code quote.status_changed}, in the same transaction). A copy older than the one
     * last recorded ({@code updated_at} before {@code quote_updated_at}) changes nothing, nor does one equal to it.
     * Answers whether the order changed.
     */
    public boolean record(OrderId id, String providerName, BillingQuote quote, String agent, Instant now) {
        Optional<Link> link = links.lockBillingQuote(id);
        Optional<Order> order = orders.findById(id);
        if (link.isEmpty() || order.isEmpty() || !quote.id().equals(link.get().remoteId())) {
            return false;
        }
        Map<String, Object> before =
                link.get().metadata() == null ? Map.of() : link.get().metadata();
        Instant recordedAt = instant(before.get("quote_updated_at"));
        if (recordedAt != null && quote.updatedAt() != null && quote.updatedAt().isBefore(recordedAt)) {
            return false;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("status", quote.status());
        if (quote.amountBeforeTax() != null) {
            facts.put("amount_before_tax", quote.amountBeforeTax().toPlainString());
            BigDecimal ours = order.get().totals().netAmount().amount();
            boolean match = quote.amountBeforeTax().compareTo(ours) == 0;
            facts.put("totals_match", match);
            facts.put("prm_amount_before_tax", match ? null : ours.toPlainString());
        }
        if (quote.amount() != null) {
            facts.put("amount", quote.amount().toPlainString());
        }
        if (quote.updatedAt() != null) {
            facts.put("quote_updated_at", quote.updatedAt().toString());
        }
        boolean unchanged = facts.entrySet().stream()
                .allMatch(fact -> Objects.equals(text(before.get(fact.getKey())), text(fact.getValue())));
        if (unchanged) {
            return false;
        }
        facts.put("status_synced_at", now.toString());
        links.recordBillingQuote(id, new Link(link.get().provider(), quote.id(), facts));
        Map<String, Object> old = new LinkedHashMap<>();
        Map<String, Object> changed = new LinkedHashMap<>();
        for (String key : new String[] {"status", "totals_match"}) {
            old.put(key, before.get(key));
            changed.put(key, facts.get(key));
        }
        Map<String, Object> diff = Changes.diff(old, changed);
        if (!diff.isEmpty()) {
            audit.recordByWorker(agent, new AuditChange(STATUS_CHANGED, "order", id.value(), diff), now);
        }
        if (!Objects.equals(text(before.get("status")), text(quote.status()))) {
            NotificationEvents.quoteStatusChanged(order.get(), providerName, quote.id(), quote.status())
                    .ifPresent(notifier::notify);
        }
        return true;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
