package com.tentabo.prm.domain.shared;

/**
 * A refusal that the client may retry after a delay (login throttling): the REST adapter answers it with a
 * {@code Retry-After} header in seconds.
 */
public class RetryLaterException extends DomainException {
    private final long retryAfterSeconds;

    public RetryLaterException(ErrorCode code, String detail, long retryAfterSeconds) {
        super(code, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
