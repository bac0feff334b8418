package com.tentabo.prm.application.registration.port.in;

import com.tentabo.prm.application.registration.RegistrationView;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.RegistrationId;
import java.math.BigDecimal;
import java.time.Instant;

/** A partner or distributor registers one of its leads, answers a returned registration, asks for the extension. */
public interface SubmitRegistrationUseCase {

    /** The end customer's identifiers and what the partner expects to sell. */
    record Submission(
            String organization,
            String registrationNumber,
            String domain,
            String expectedProducts,
            BigDecimal expectedValue,
            String currency) {}

    Created<RegistrationView> submit(Caller caller, LeadId leadId, Submission submission, IdempotencyKey key);

    /** RETURNED → SUBMITTED with the identifiers as now given (checked again), and the partner's answer. */
    RegistrationView resubmit(
            Caller caller,
            RegistrationId registrationId,
            Submission submission,
            String answer,
            ExpectedVersion expected);

    /** Asks for the one extension of an APPROVED registration. */
    RegistrationView requestExtension(
            Caller caller, RegistrationId registrationId, Instant until, String reason, ExpectedVersion expected);
}
