package com.tentabo.prm.application.provider.port.in;

import com.tentabo.prm.application.provider.SyncLogRecord;
import java.util.Optional;

/**
 * Brings back the status of the quotes the active billing provider issued (accepted, denied, expired, …) from its
 * change feed, on a schedule; the run is a {@code provider_sync_logs} row (entity type {@code quote}) whose cursor the
 * next run resumes from.
 */
public interface PollBillingQuotesUseCase {

    /** One run over the active billing provider; empty when none is active or it has no adapter. */
    Optional<SyncLogRecord> pollActive();
}
