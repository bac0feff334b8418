package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.identity.port.out.AuthProviderGateway;
import com.tentabo.prm.application.provider.port.out.BillingGateway;
import com.tentabo.prm.application.provider.port.out.CrmGateway;
import com.tentabo.prm.application.provider.port.out.ProviderHealthGateway;
import com.tentabo.prm.application.provider.port.out.WebhookGateway;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The provider adapters of each outbound port, as the services see them ({@link ProviderGateways}): the one place
 * that lists CDI beans, so that the application module needs no {@code Instance}. The listing stays lazy (read at
 * each call), as CDI's is.
 */
@Singleton
public class GatewayWiring {

    @Produces
    @Singleton
    ProviderGateways<CrmGateway> crmGateways(Instance<CrmGateway> all) {
        return ProviderGateways.of(all, CrmGateway::providerName);
    }

    @Produces
    @Singleton
    ProviderGateways<BillingGateway> billingGateways(Instance<BillingGateway> all) {
        return ProviderGateways.of(all, BillingGateway::providerName);
    }

    @Produces
    @Singleton
    ProviderGateways<WebhookGateway> webhookGateways(Instance<WebhookGateway> all) {
        return ProviderGateways.of(all, WebhookGateway::providerName);
    }

    @Produces
    @Singleton
    ProviderGateways<ProviderHealthGateway> healthGateways(Instance<ProviderHealthGateway> all) {
        return ProviderGateways.of(all, ProviderHealthGateway::providerName);
    }

    @Produces
    @Singleton
    ProviderGateways<AuthProviderGateway> authGateways(Instance<AuthProviderGateway> all) {
        return ProviderGateways.of(all, AuthProviderGateway::providerName);
    }
}
