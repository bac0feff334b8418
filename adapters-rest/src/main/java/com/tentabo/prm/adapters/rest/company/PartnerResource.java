package com.tentabo.prm.adapters.rest.company;

import com.tentabo.prm.adapters.rest.openapi.InheritedOperation;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.application.company.port.in.ManagePartnersUseCase;
import com.tentabo.prm.domain.id.PartnerId;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partners: the company routes of {@link CompanyRoutes}, nothing more. */
@Path(PartnerResource.PATH)
@Tag(name = "partners")
@InheritedOperation(
        method = "create",
        operationId = "createPartner",
        description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
        summary = "Create a partner (ADMIN, RESTRICTED_ADMIN)")
@InheritedOperation(
        method = "list",
        operationId = "listPartners",
        description =
                "Who may call: ADMIN and RESTRICTED_ADMIN (all); a PARTNER user its own partner; a DISTRIBUTOR user its distributor and the partners actively assigned to it; FULFILLER: 403.",
        summary = "List the partners in scope; q searches the name, is_active filters")
@InheritedOperation(
        method = "get",
        operationId = "getPartner",
        summary = "Get partner",
        description =
                "Who may call: ADMIN and RESTRICTED_ADMIN (all); a PARTNER user its own partner; a DISTRIBUTOR user its distributor and the partners actively assigned to it; FULFILLER: 403.")
@InheritedOperation(
        method = "update",
        operationId = "updatePartner",
        description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
        summary = "Replace a partner's fields (is_active omitted keeps the current value)")
@InheritedOperation(
        method = "delete",
        operationId = "deletePartner",
        description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
        summary = "Delete a partner without users, leads, orders or contracts (else 409: deactivate it)")
public class PartnerResource extends CompanyRoutes<PartnerId> {

    static final String PATH = "/api/v1/partners";

    public PartnerResource(ManagePartnersUseCase partners, CallerContext callers) {
        super(partners, callers, PATH, PartnerId::new);
    }
}
