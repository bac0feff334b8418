package com.tentabo.prm.application.provider.port.in;

/** Processes received webhooks (the background worker's job): leads from the CRM become, or refresh, PRM leads. */
public interface ProcessWebhooksUseCase {

    /** What one run did. */
    record Run(int processed, int ignored, int retried, int failed) {
        public int total() {
            return processed + ignored + retried + failed;
        }
    }

    Run processDue();
}
