package com.tentabo.prm.application.registration.port.in;

import com.tentabo.prm.application.registration.HistoryEntry;
import com.tentabo.prm.application.registration.RegistrationView;
import com.tentabo.prm.application.registration.port.out.RegistrationRepository;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.RegistrationId;
import java.util.List;

/** Registrations in the caller's scope (partner: its own; distributor: its own and its assigned partners'; staff: all). */
public interface QueryRegistrationsUseCase {

    Page<RegistrationView> list(Caller caller, RegistrationRepository.Filter filter);

    RegistrationView get(Caller caller, RegistrationId registrationId);

    /** The lead's newest registration (404 when it has none or the lead is out of scope). */
    RegistrationView ofLead(Caller caller, LeadId leadId);

    List<HistoryEntry> history(Caller caller, RegistrationId registrationId);
}
