package com.tentabo.prm.application.registration.port.in;

/**
 * The daily job: every active partner whose trailing-12-month figures meet the next level's thresholds is promoted
 * (history kept, audited); nobody is moved down automatically (docs/registrations.md).
 */
public interface PromoteLevelsUseCase {
    /** @return how many partners were promoted */
    int promoteDue();
}
