package com.tentabo.prm.application.provider.port.in;

import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.ProviderId;

/**
 * Brings in what a provider knows (ADMIN). A CRM: every lead it changed since the last successful run is queued for
 * the webhook worker, which imports it as a lead event would ({@code webhook_events}, type {@code lead.sync}). A
 * billing provider: the invoices of each ACTIVE or EXPIRED contract's quote replace the contract's
 * {@code billing_invoices}. The run is recorded in {@code provider_sync_logs} and answered. Only an active CRM or
 * BILLING provider with an adapter can be synced (else 422 BUSINESS_RULE_VIOLATED).
 */
public interface SyncProviderUseCase {
    SyncLogRecord sync(Caller caller, ProviderId providerId);

    /**
     * The scheduled run, with no caller: syncs the active provider of the type (CRM or BILLING) when one is active and
     * has an adapter; empty otherwise. It catches what webhooks missed (Pipedrive drops events of a webhook it has
     * banned) and brings invoice and payment changes without a person asking.
     */
    java.util.Optional<SyncLogRecord> syncActive(com.tentabo.prm.domain.provider.ProviderType type);
}
