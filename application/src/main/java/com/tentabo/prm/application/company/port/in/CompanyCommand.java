package com.tentabo.prm.application.company.port.in;

import com.tentabo.prm.domain.company.CompanyProfile;

/** Create or full update of a partner or distributor: its profile and whether it is active (default true). */
public record CompanyCommand(CompanyProfile profile, Boolean active) {}
