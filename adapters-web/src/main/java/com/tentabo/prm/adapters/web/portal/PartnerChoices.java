package com.tentabo.prm.adapters.web.portal;

import com.tentabo.prm.application.company.port.in.ManagePartnersUseCase;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.id.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The partners a distributor may filter its lists by and create leads for: the partners in its scope (its active
 * assignments), read through the same use case as {@code GET /api/v1/partners}. Other roles get none.
 */
@ApplicationScoped
public class PartnerChoices {

    /** A distributor with more partners than this filters by the first ones (the list page shows them all). */
    static final int MAX = 200;

    private final ManagePartnersUseCase partners;

    public PartnerChoices(ManagePartnersUseCase partners) {
        this.partners = partners;
    }

    public record Choice(UUID id, String name, boolean selected) {}

    public List<Choice> of(Caller caller, UUID selected) {
        if (caller.role() != Role.DISTRIBUTOR) {
            return List.of();
        }
        List<Company<PartnerId>> inScope =
                partners.list(caller, null, true, MAX, null).items();
        return inScope.stream()
                .map(p -> new Choice(
                        p.id().value(), p.profile().name(), p.id().value().equals(selected)))
                .toList();
    }
}
