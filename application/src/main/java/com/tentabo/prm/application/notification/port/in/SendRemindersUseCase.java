package com.tentabo.prm.application.notification.port.in;

/**
 * The daily reminder job: contracts 90, 60 and 30 days before their end, then the digests of the people who chose one.
 * Running it twice (or on two instances) tells nobody twice.
 */
public interface SendRemindersUseCase {

    /** What one run did: reminder events raised (new notifications written), digests queued. */
    record Run(int contracts, int notified, int digests) {}

    Run sendDue();
}
