package com.tentabo.prm.application.provider.port.in;

import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.domain.access.Caller;

import java.util.UUID;

/**
 * Brings in what a CRM changed since the last successful run (ADMIN): every lead the CRM changed is queued for the
 * webhook worker, which imports it as a lead event would ({@code webhook_events}, type {@code lead.sync}). The run is
 * recorded in {@code provider_sync_logs} and answered. Only an active CRM provider with an adapter can be synced
 * (else 422 BUSINESS_RULE_VIOLATED).
 */
public interface SyncProviderUseCase {
    SyncLogRecord sync(Caller caller, UUID providerId);
}
