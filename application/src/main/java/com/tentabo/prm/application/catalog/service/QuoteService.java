package com.tentabo.prm.application.catalog.service;

import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.application.catalog.port.out.PricingCatalogDirectory;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.registration.service.ProgrammeTerms;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Prices a quote from the current catalog; reads only, stores nothing. */
@ApplicationScoped
@Transactional
public class QuoteService implements QuoteUseCase {

    private final QuotePricer pricer;
    private final PricingCatalogDirectory catalog;
    private final ProgrammeTerms programme;
    private final PartnerRepository partners;

    public QuoteService(
            QuotePricer pricer, PricingCatalogDirectory catalog, ProgrammeTerms programme, PartnerRepository partners) {
        this.pricer = pricer;
        this.catalog = catalog;
        this.programme = programme;
        this.partners = partners;
    }

    @Override
    public Quote quote(Caller caller, QuoteCommand command) {
        AccessPolicy.require(caller, Capability.QUOTE_PRICE);
        return pricer.quote(command, catalog, programme.levelDiscount(partnerOf(caller, command.partnerId())));
    }

    @Override
    public List<TierPreview> previewTiers(Caller caller, List<PriceTierSet.Row> rows, List<Integer> quantities) {
        AccessPolicy.require(caller, Capability.CATALOG_WRITE);
        return pricer.preview(PriceTierSet.fromRows(rows), quantities);
    }

    /** The partner a quote is priced for: a PARTNER's own; for others the one asked for, in scope and existing. */
    private PartnerId partnerOf(Caller caller, PartnerId requested) {
        if (caller.role() == Role.PARTNER) {
            if (requested != null && !requested.equals(caller.partnerId())) {
                throw DomainException.notFound(ErrorCode.PARTNER_NOT_FOUND, "Partner", requested);
            }
            return caller.partnerId();
        }
        if (requested == null) {
            return null;
        }
        if (!AccessPolicy.inScope(caller, new TenantRef(requested, null))
                || partners.findById(requested).isEmpty()) {
            throw new DomainException(
                    ErrorCode.PARTNER_NOT_FOUND,
                    "Partner " + requested + " was not found",
                    List.of(new FieldViolation("partner_id", "no such partner")));
        }
        return requested;
    }
}
