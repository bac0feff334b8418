package com.tentabo.prm.application.catalog.service;

import com.tentabo.prm.application.catalog.port.in.QuoteUseCase;
import com.tentabo.prm.application.catalog.port.out.PricingCatalogDirectory;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Prices a quote from the current catalog; reads only, stores nothing. */
@ApplicationScoped
@Transactional
public class QuoteService implements QuoteUseCase {

    private final QuotePricer pricer;
    private final PricingCatalogDirectory catalog;

    public QuoteService(QuotePricer pricer, PricingCatalogDirectory catalog) {
        this.pricer = pricer;
        this.catalog = catalog;
    }

    @Override
    public Quote quote(Caller caller, QuoteCommand command) {
        AccessPolicy.require(caller, Capability.QUOTE_PRICE);
        return pricer.quote(command, catalog);
    }
}
