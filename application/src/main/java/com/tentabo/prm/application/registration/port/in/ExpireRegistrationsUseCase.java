package com.tentabo.prm.application.registration.port.in;

/** The daily job: every APPROVED registration whose protection ended becomes EXPIRED (history and audit). */
public interface ExpireRegistrationsUseCase {
    /** @return how many registrations expired */
    int expireDue();
}
