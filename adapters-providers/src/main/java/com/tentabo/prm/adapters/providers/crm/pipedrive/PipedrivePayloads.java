package com.tentabo.prm.adapters.providers.crm.pipedrive;

import java.math.BigDecimal;

/** Request bodies as Pipedrive v2 reads them (written in snake_case, nulls left out, the value as an exact number). */
final class PipedrivePayloads {

    private PipedrivePayloads() {}

    /** {@code POST /api/v2/organizations}. */
    record Organization(String name) {}

    /** {@code POST /api/v2/deals}. */
    record Deal(
            String title,
            BigDecimal value,
            String currency,
            Long orgId,
            String status,
            Long pipelineId,
            Long stageId,
            Long ownerId) {}
}
