package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.BillingCompany;
import com.tentabo.prm.application.provider.BillingCustomerEntry;
import com.tentabo.prm.application.provider.BillingInvoiceEntry;
import com.tentabo.prm.application.provider.BillingListPage;
import com.tentabo.prm.application.provider.BillingListQuery;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.port.in.BrowseBillingUseCase;
import com.tentabo.prm.application.provider.port.out.BillingGateway;
import com.tentabo.prm.application.provider.port.out.BillingLinkRepository;
import com.tentabo.prm.application.provider.port.out.BillingLinkRepository.QuoteLink;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.CompanyId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Browses the active billing provider in the caller's scope. The scope is the provider's customer ids of the
 * caller's companies ({@code billing_customers}): a partner's own, a distributor's own and its actively assigned
 * partners'; staff are not restricted. A caller whose companies have no customer id yet gets an empty page without a
 * call. The cursor handed out wraps the provider's ({@code b1|<kind>|<provider cursor>}, URL-safe Base64): a cursor
 * of another list, or one this API did not issue, is a 400 {@code INVALID_CURSOR}.
 */
@ApplicationScoped
public class BillingBrowseService implements BrowseBillingUseCase {

    static final Set<String> INVOICE_STATUSES = Set.copyOf(BrowseBillingUseCase.INVOICE_STATUSES);
    static final Set<String> QUOTE_STATUSES = Set.copyOf(BrowseBillingUseCase.QUOTE_STATUSES);

    private final Transactions tx;
    private final BillingProviderCalls calls;
    private final BillingLinkRepository links;

    public BillingBrowseService(Transactions tx, BillingProviderCalls calls, BillingLinkRepository links) {
        this.tx = tx;
        this.calls = calls;
        this.links = links;
    }

    @Override
    public Page<CustomerView> customers(Caller caller, Filter filter) {
        return list(caller, filter, "customers", null, BillingGateway::customers, (provider, customers) -> {
            List<String> ids = customers.stream().map(BillingCustomerEntry::id).toList();
            Map<String, BillingCompany> companies = tx.requiringNew(() -> links.companiesOf(provider.name(), ids));
            return customers.stream()
                    .map(customer -> new CustomerView(provider.name(), customer, companies.get(customer.id())))
                    .toList();
        });
    }

    @Override
    public Page<InvoiceView> invoices(Caller caller, Filter filter) {
        return list(caller, filter, "invoices", INVOICE_STATUSES, BillingGateway::invoices, calls::views);
    }

    @Override
    public InvoiceView invoice(Caller caller, String invoiceId) {
        AccessPolicy.require(caller, Capability.CONTRACTS_READ);
        String id = BillingProviderCalls.recordId(invoiceId);
        BillingProviderCalls.Active provider = calls.active();
        Set<String> scope = customerScope(provider, caller);
        BillingInvoiceEntry entry = (scope != null && scope.isEmpty()
                ? null
                : calls.call(provider, g -> g.invoice(provider.settings(), id)).orElse(null));
        if (entry == null || scope != null && !scope.contains(entry.customerId())) {
            throw DomainException.notFound(ErrorCode.BILLING_INVOICE_NOT_FOUND, "Invoice", id);
        }
        return calls.views(provider, List.of(entry)).get(0);
    }

    @Override
    public Page<QuoteView> quotes(Caller caller, Filter filter) {
        return list(caller, filter, "quotes", QUOTE_STATUSES, BillingGateway::quotes, (provider, quotes) -> {
            List<String> quoteIds =
                    quotes.stream().map(entry -> entry.quote().id()).toList();
            Map<String, QuoteLink> quoted = tx.requiringNew(() -> links.quoteLinks(provider.name(), quoteIds));
            return quotes.stream()
                    .map(entry -> {
                        QuoteLink link = quoted.get(entry.quote().id());
                        return new QuoteView(
                                provider.name(),
                                entry,
                                link == null ? null : link.orderId(),
                                link == null ? null : link.contractId());
                    })
                    .toList();
        });
    }

    /** One provider list call of a kind of record. */
    @FunctionalInterface
    private interface ListCall<E> {
        BillingListPage<E> list(BillingGateway gateway, ProviderSettings settings, BillingListQuery query);
    }

    /**
     * A page of one kind of record: the filter checked before any call, the caller's scope turned into customer ids
     * (an empty page without a call when it holds none), the provider called, its entries turned into views.
     */
    private <E, V> Page<V> list(
            Caller caller,
            Filter filter,
            String kind,
            Set<String> statuses,
            ListCall<E> call,
            BiFunction<BillingProviderCalls.Active, List<E>, List<V>> views) {
        AccessPolicy.require(caller, Capability.CONTRACTS_READ);
        Checked checked = checked(filter, kind, statuses);
        BillingProviderCalls.Active provider = calls.active();
        BillingListQuery query = query(provider, caller, checked);
        if (query == null) {
            return new Page<>(List.of(), null);
        }
        BillingListPage<E> page = calls.call(provider, g -> call.list(g, provider.settings(), query));
        return new Page<>(views.apply(provider, page.items()), next(kind, page.next()));
    }

    /** A filter checked before any call: its status, dates, provider cursor and page size. */
    private record Checked(String status, LocalDate dateFrom, LocalDate dateTo, String cursor, int limit) {}

    private static Checked checked(Filter filter, String kind, Set<String> statuses) {
        int limit = Cursor.limit(filter.limit());
        String status = filter.status() == null || filter.status().isBlank()
                ? null
                : filter.status().strip().toLowerCase(Locale.ROOT);
        if (status != null && (statuses == null || !statuses.contains(status))) {
            throw DomainException.invalid(
                    "status",
                    statuses == null
                            ? "customers have no status"
                            : "must be one of " + statuses.stream().sorted().toList());
        }
        if (filter.dateFrom() != null
                && filter.dateTo() != null
                && filter.dateFrom().isAfter(filter.dateTo())) {
            throw DomainException.invalid("date_to", "must not be before date_from");
        }
        return new Checked(status, filter.dateFrom(), filter.dateTo(), providerCursor(kind, filter.cursor()), limit);
    }

    /** The provider query; null when the caller's scope holds no customer (an empty page, no call). */
    private BillingListQuery query(BillingProviderCalls.Active provider, Caller caller, Checked checked) {
        Set<String> scope = customerScope(provider, caller);
        if (scope != null && scope.isEmpty()) {
            return null;
        }
        return new BillingListQuery(
                scope, checked.status(), checked.dateFrom(), checked.dateTo(), checked.cursor(), checked.limit());
    }

    /** The provider's customer ids the caller may see; null when it may see every record. */
    private Set<String> customerScope(BillingProviderCalls.Active provider, Caller caller) {
        TenantScope scope = AccessPolicy.scopeOf(caller);
        Set<CompanyId> companies = new HashSet<>();
        if (scope instanceof TenantScope.OfPartner partner) {
            companies.add(partner.partnerId());
        } else if (scope instanceof TenantScope.OfDistributor distributor) {
            companies.addAll(distributor.assignedPartnerIds());
            companies.add(distributor.distributorId());
        } else {
            return null;
        }
        return Set.copyOf(tx.requiringNew(() -> links.customerIdsOf(provider.name(), companies)));
    }

    static String next(String kind, String providerCursor) {
        return providerCursor == null
                ? null
                : Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("b1|" + kind + "|" + providerCursor).getBytes(StandardCharsets.UTF_8));
    }

    static String providerCursor(String kind, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            if (raw.length() > Cursor.MAX_LENGTH) {
                throw Cursor.invalid();
            }
            String text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
            String prefix = "b1|" + kind + "|";
            if (!text.startsWith(prefix) || text.length() == prefix.length()) {
                throw Cursor.invalid();
            }
            return Objects.requireNonNull(text.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
    }
}
