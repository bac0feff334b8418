package com.tentabo.prm.application.registration.service;

import com.tentabo.prm.application.registration.port.in.PromoteLevelsUseCase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Automatic promotion in the programme: reads the candidates in one transaction, then promotes each in its own
 * ({@link LevelPromotionSteps}), so that one partner's failure or a concurrent instance does not undo the others.
 * Never demotes: moving a partner down is a staff decision (docs/registrations.md).
 */
@ApplicationScoped
public class LevelPromotionService implements PromoteLevelsUseCase {

    private final LevelPromotionSteps steps;
    private final Clock clock;

    public LevelPromotionService(LevelPromotionSteps steps, Clock clock) {
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    public int promoteDue() {
        Instant now = clock.instant();
        int promoted = 0;
        for (UUID partner : steps.candidates(now)) {
            if (steps.promote(partner, now)) {
                promoted++;
            }
        }
        return promoted;
    }
}
