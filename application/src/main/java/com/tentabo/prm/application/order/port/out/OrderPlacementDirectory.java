package com.tentabo.prm.application.order.port.out;

import com.tentabo.prm.application.catalog.port.out.PricingCatalogDirectory;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import java.util.Collection;

/**
 * Everything placing an order reads, in one round trip to the database: the catalog rows of its items, whether its
 * partner and distributor exist and are linked by an active assignment, the partner's current programme level, and the
 * next order number. Placing orders is the busiest write of the API; each
 * round trip costs the service and PostgreSQL more than the rows themselves.
 */
public interface OrderPlacementDirectory {

    /**
     * @param orderNumber the next value of the order number sequence, taken whatever happens next (numbers are unique
     *                    and increasing, not gapless: a refused or rolled-back order leaves a gap)
     * @param partnerLevel the partner's current programme level; null without a partner or when it has none
     */
    record Facts(
            PricingCatalogDirectory.Rows catalog,
            boolean partnerExists,
            boolean distributorExists,
            boolean assignmentActive,
            ProgrammeLevel partnerLevel,
            long orderNumber) {}

    Facts read(TenantRef tenant, Collection<ProductId> productIds, Collection<DurationId> durationIds);
}
