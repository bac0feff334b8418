package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.BillingInvoiceEntry;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.port.in.BrowseBillingUseCase.ContractLink;
import com.tentabo.prm.application.provider.port.in.BrowseBillingUseCase.InvoiceView;
import com.tentabo.prm.application.provider.port.out.BillingGateway;
import com.tentabo.prm.application.provider.port.out.BillingLinkRepository;
import com.tentabo.prm.application.provider.port.out.BillingLinkRepository.InvoiceLink;
import com.tentabo.prm.application.provider.port.out.BillingLinkRepository.QuoteLink;
import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Calls to the active billing provider on behalf of a person: the provider and its adapter (503
 * {@code BILLING_PROVIDER_NOT_ACTIVE} without one), each call made with no transaction open, and a failure of the
 * provider answered as 503 {@code BILLING_PROVIDER_FAILED} with its message (never a credential) after it counted
 * for the provider's health (a refused token marks it unhealthy at once).
 */
@ApplicationScoped
public class BillingProviderCalls {

    /** Provider record ids this service accepts in a path: letters, digits, {@code _} and {@code -}, at most 64. */
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The active billing provider and its adapter. */
    public record Active(ProviderSettings settings, BillingGateway gateway) {
        public String name() {
            return settings.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Transactions tx;
    private final ProviderConfigDirectory providers;
    private final ProviderGateways<BillingGateway> gateways;
    private final ProviderHealthMarks health;
    private final BillingLinkRepository links;

    public BillingProviderCalls(
            Transactions tx,
            ProviderConfigDirectory providers,
            ProviderGateways<BillingGateway> gateways,
            ProviderHealthMarks health,
            BillingLinkRepository links) {
        this.tx = tx;
        this.providers = providers;
        this.gateways = gateways;
        this.health = health;
        this.links = links;
    }

    public Active active() {
        ProviderSettings settings;
        try {
            settings = tx.requiringNew(() -> providers.activeSettings(ProviderType.BILLING))
                    .orElseThrow(() -> new DomainException(
                            ErrorCode.BILLING_PROVIDER_NOT_ACTIVE, "No billing provider is active"));
        } catch (ProviderFailure undecryptable) {
            throw new DomainException(ErrorCode.BILLING_PROVIDER_FAILED, undecryptable.getMessage());
        }
        BillingGateway gateway = gateways.forName(settings.name())
                .orElseThrow(() -> new DomainException(
                        ErrorCode.BILLING_PROVIDER_NOT_ACTIVE,
                        "This version cannot read billing provider '" + settings.name() + "'"));
        return new Active(settings, gateway);
    }

    /** One call to the provider; its failure is recorded for the provider's health and answered as a 503. */
    public <T> T call(Active provider, Function<BillingGateway, T> call) {
        try {
            return call.apply(provider.gateway());
        } catch (ProviderFailure failure) {
            health.afterFailure(provider.settings(), failure);
            throw new DomainException(
                    ErrorCode.BILLING_PROVIDER_FAILED, "The billing provider did not answer: " + failure.getMessage());
        }
    }

    /** A provider record id as a path gives it, or a 404 when it cannot be one (never sent to the provider). */
    public static String recordId(String raw) {
        if (raw == null || !RECORD_ID.matcher(raw).matches()) {
            throw DomainException.notFound(ErrorCode.BILLING_INVOICE_NOT_FOUND, "Invoice", raw);
        }
        return raw;
    }

    /** The invoices with the order and contract each belongs to: staff's decision first, else its quote's. */
    public List<InvoiceView> views(Active provider, List<BillingInvoiceEntry> entries) {
        List<String> invoiceIds =
                entries.stream().map(entry -> entry.invoice().id()).toList();
        List<String> quoteIds = entries.stream()
                .map(BillingInvoiceEntry::quoteId)
                .filter(Objects::nonNull)
                .toList();
        Map<String, InvoiceLink> decided = tx.requiringNew(() -> links.invoiceLinks(provider.name(), invoiceIds));
        Map<String, QuoteLink> quoted = tx.requiringNew(() -> links.quoteLinks(provider.name(), quoteIds));
        return entries.stream()
                .map(entry -> view(
                        provider.name(),
                        entry,
                        decided.get(entry.invoice().id()),
                        entry.quoteId() == null ? null : quoted.get(entry.quoteId())))
                .toList();
    }

    static InvoiceView view(String provider, BillingInvoiceEntry entry, InvoiceLink decision, QuoteLink quote) {
        OrderId orderId = quote == null ? null : quote.orderId();
        if (decision != null) {
            return new InvoiceView(
                    provider,
                    entry,
                    orderId,
                    decision.contractId(),
                    decision.notContractRelated() ? ContractLink.NOT_CONTRACT_RELATED : ContractLink.MANUAL);
        }
        if (quote != null) {
            return new InvoiceView(
                    provider,
                    entry,
                    orderId,
                    quote.contractId(),
                    quote.contractId() == null ? null : ContractLink.QUOTE);
        }
        return new InvoiceView(provider, entry, null, null, null);
    }
}
