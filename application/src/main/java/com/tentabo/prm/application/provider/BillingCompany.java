package com.tentabo.prm.application.provider;

import java.util.UUID;

/** The company a billing provider's customer id stands for: a partner, or a distributor billed directly. */
public record BillingCompany(UUID companyId, boolean distributor, String name) {}
