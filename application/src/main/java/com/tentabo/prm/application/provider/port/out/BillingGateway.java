package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.QuoteReceipt;
import com.tentabo.prm.application.provider.QuoteRequest;

/**
 * A billing provider (Pennylane, …). One implementation per provider; the active one is chosen at delivery time by
 * {@link #providerName()} matching the active {@code provider_configs} row of type BILLING.
 */
public interface BillingGateway {

    String providerName();

    /**
     * Issues the quote of a sent order, or finds the one an earlier attempt already issued for the same order.
     *
     * @throws com.tentabo.prm.application.provider.ProviderFailure when the provider does not accept it
     */
    QuoteReceipt requestQuote(ProviderSettings settings, QuoteRequest request);
}
