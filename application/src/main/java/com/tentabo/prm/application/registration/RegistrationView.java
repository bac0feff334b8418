package com.tentabo.prm.application.registration;

import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.registration.Registration;
import java.util.List;

/**
 * A registration as its reader may see it. {@code staffView} is true for ADMIN and RESTRICTED_ADMIN only: then
 * {@code matches} lists the other partners' claims on the customer (checked now) and {@code flaggedOrderIds} the
 * other partners' orders placed for the protected customer; for partners and distributors both are null and the
 * conflict finding is never shown.
 */
public record RegistrationView(
        Registration registration,
        boolean staffView,
        List<Match> matches,
        List<OrderId> orderIds,
        List<OrderId> flaggedOrderIds) {}
