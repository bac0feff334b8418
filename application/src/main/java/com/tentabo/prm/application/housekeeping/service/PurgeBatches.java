package com.tentabo.prm.application.housekeeping.service;

import com.tentabo.prm.application.identity.port.out.LoginAttemptRepository;
import com.tentabo.prm.application.shared.port.out.IdempotencyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** One batch of deletions per call, each in a transaction of its own (see {@link HousekeepingService}). */
@ApplicationScoped
public class PurgeBatches {

    private final LoginAttemptRepository loginAttempts;
    private final IdempotencyRepository idempotencyKeys;

    public PurgeBatches(LoginAttemptRepository loginAttempts, IdempotencyRepository idempotencyKeys) {
        this.loginAttempts = loginAttempts;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int loginAttempts(Instant before, Integer limit) {
        return loginAttempts.deleteBefore(before, limit);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int idempotencyKeys(Instant before, Integer limit) {
        return idempotencyKeys.deleteBefore(before, limit);
    }
}
