package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.DealReceipt;
import com.tentabo.prm.application.provider.DealRequest;
import com.tentabo.prm.application.provider.ProviderSettings;

/**
 * A CRM (Pipedrive, …). One implementation per provider; the active one is chosen at delivery time by
 * {@link #providerName()} matching the active {@code provider_configs} row of type CRM.
 */
public interface CrmGateway {

    String providerName();

    /**
     * Opens the deal of a sent order, or finds the one an earlier attempt already opened for the same order.
     *
     * @throws com.tentabo.prm.application.provider.ProviderFailure when the CRM does not accept it
     */
    DealReceipt requestDeal(ProviderSettings settings, DealRequest request);
}
