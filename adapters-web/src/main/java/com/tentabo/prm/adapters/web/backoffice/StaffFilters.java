package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.application.company.port.in.ManageDistributorsUseCase;
import com.tentabo.prm.application.company.port.in.ManagePartnersUseCase;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Role;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The partner and distributor filters the vendor's staff get on the order and contract lists (every tenant is in
 * their scope): the active companies, read through the same use cases as the API (the first {@value #MAX} of each,
 * by name order of the list; any id can still be given in the address). Partners and distributors get none.
 */
@ApplicationScoped
public class StaffFilters {

    static final int MAX = 200;

    private final ManagePartnersUseCase partners;
    private final ManageDistributorsUseCase distributors;

    public StaffFilters(ManagePartnersUseCase partners, ManageDistributorsUseCase distributors) {
        this.partners = partners;
        this.distributors = distributors;
    }

    /** A company offered in a filter. */
    public record Choice(UUID id, String name, boolean selected) {}

    /** The staff's choosers; {@code null} for a partner or distributor (the page then shows its own). */
    public record Filters(List<Choice> partners, List<Choice> distributors) {}

    public Filters of(Caller caller, UUID partner, UUID distributor) {
        if (caller.role() == Role.PARTNER || caller.role() == Role.DISTRIBUTOR) {
            return null;
        }
        return new Filters(
                partners.list(caller, null, true, MAX, null).items().stream()
                        .map(p -> new Choice(
                                p.id().value(),
                                p.profile().name(),
                                p.id().value().equals(partner)))
                        .toList(),
                distributors.list(caller, null, true, MAX, null).items().stream()
                        .map(d -> new Choice(
                                d.id().value(),
                                d.profile().name(),
                                d.id().value().equals(distributor)))
                        .toList());
    }
}
