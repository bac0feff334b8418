package com.tentabo.prm.application.outbox.port.in;

/** Delivers the outbox events that are due to the active providers (the background worker's one job). */
public interface DeliverOutboxUseCase {

    /** What one run did: events delivered, put back for a later attempt, given up, or skipped. */
    record Run(int delivered, int retried, int failed, int skipped) {
        public int total() {
            return delivered + retried + failed + skipped;
        }
    }

    /** Claims up to a batch of due events and delivers each; never throws for a provider's failure. */
    Run deliverDue();
}
