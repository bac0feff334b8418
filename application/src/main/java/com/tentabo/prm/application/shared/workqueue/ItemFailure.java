package com.tentabo.prm.application.shared.workqueue;

import java.time.Duration;
import java.util.Optional;

/**
 * An exception that says whether the attempt that threw it may succeed later (a provider's failure): the
 * {@link WorkQueueWorker} backs off or gives up as it says. Anything else thrown by a handler is unexpected.
 */
public interface ItemFailure {

    String getMessage();

    boolean isRetryable();

    /** How long the other side asked to wait, if it did. */
    Optional<Duration> retryAfter();
}
